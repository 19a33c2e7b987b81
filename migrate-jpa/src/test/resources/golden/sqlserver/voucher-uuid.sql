create table voucher (id uniqueidentifier not null, code varchar(20) not null, primary key (id));
