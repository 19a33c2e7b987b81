create table customer (id bigint identity not null, name varchar(100), notes varchar(max), primary key (id));
