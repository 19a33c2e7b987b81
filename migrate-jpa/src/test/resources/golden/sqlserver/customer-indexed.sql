create table customer (id bigint identity not null, name varchar(100), primary key (id));
create index ix_customer_name on customer (name);
