create table customer (id bigint identity not null, name varchar(100), phone varchar(30), primary key (id));
