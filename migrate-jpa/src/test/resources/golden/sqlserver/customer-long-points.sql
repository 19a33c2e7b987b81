create table customer (id bigint identity not null, name varchar(100), points bigint not null, primary key (id));
