create table customer (id bigint identity not null, name varchar(200), primary key (id));
