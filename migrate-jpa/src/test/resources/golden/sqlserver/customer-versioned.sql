create table customer (id bigint identity not null, name varchar(100), version int not null, primary key (id));
