create table customer (id bigint identity not null, email varchar(255), name varchar(100), primary key (id));
create unique nonclustered index UKdwk6cx0afu8bs9o4t536v1j5v on customer (email) where email is not null;
