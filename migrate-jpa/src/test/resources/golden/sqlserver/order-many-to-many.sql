create table product (id bigint identity not null, price numeric(10,2), title varchar(80) not null, primary key (id));
create table purchase_order (id bigint identity not null, total numeric(12,2), primary key (id));
create table purchase_order_products (purchase_order_id bigint not null, products_id bigint not null, primary key (purchase_order_id, products_id));
alter table purchase_order_products add constraint FKtoyq5elyxeb7a8xlgkmx73wbs foreign key (products_id) references product;
alter table purchase_order_products add constraint FKilcxqyodr0flc4frbui3vfxb5 foreign key (purchase_order_id) references purchase_order;
