create table customer (id bigint identity not null, name varchar(100), primary key (id));
create table product (id bigint identity not null, price numeric(10,2), title varchar(80) not null, primary key (id));
