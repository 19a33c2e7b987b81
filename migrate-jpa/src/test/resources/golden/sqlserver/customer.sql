create table customer (id bigint identity not null, name varchar(100), primary key (id));
