create table product (id bigint identity not null, price numeric(10,2), title varchar(80) not null, primary key (id));
create table purchase_order (id bigint identity not null, total numeric(12,2), primary key (id));
