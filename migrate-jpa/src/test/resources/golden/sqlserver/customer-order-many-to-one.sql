create table customer (id bigint identity not null, name varchar(100), primary key (id));
create table purchase_order (id bigint identity not null, total numeric(12,2), customer_id bigint not null, primary key (id));
alter table purchase_order add constraint FK158vbkwgyf5r6ogk9nkugqv2c foreign key (customer_id) references customer;
