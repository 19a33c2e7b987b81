create table customer (id bigint identity not null, name varchar(100), primary key (id));
create unique nonclustered index uq_customer_name on customer (name) where name is not null;
