create sequence product_seq start with 1 increment by 10;
create table product (id bigint not null, title varchar(80), primary key (id));
