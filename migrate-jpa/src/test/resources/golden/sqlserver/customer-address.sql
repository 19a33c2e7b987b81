create table customer (id bigint identity not null, city varchar(60), street varchar(120), name varchar(100), primary key (id));
