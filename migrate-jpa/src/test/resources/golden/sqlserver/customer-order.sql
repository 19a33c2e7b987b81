create table customer (id bigint identity not null, name varchar(100), primary key (id));
create table purchase_order (id bigint identity not null, total numeric(12,2), primary key (id));
