create table customer (id bigint identity not null, channel varchar(32) default 'web', name varchar(100), primary key (id));
