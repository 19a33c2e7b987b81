create table customer (id bigint identity not null, name varchar(100), points int not null, primary key (id));
