create table customer (id bigint identity not null, name varchar(100), primary key (id));
create table customer_tags (customer_id bigint not null, tags varchar(255));
create unique nonclustered index UK5swka6oqljk0gbumgnahnyemx on customer_tags (customer_id, tags) where tags is not null;
alter table customer_tags add constraint FKnue32a12syx331qn92jvt2715 foreign key (customer_id) references customer;
