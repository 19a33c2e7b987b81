create table customer (id bigint identity not null, mobile varchar(30), name varchar(100), primary key (id));
