create table card_payment (card_last4 varchar(4), id bigint not null, primary key (id));
create table payment (id bigint identity not null, amount_cents bigint not null, primary key (id));
alter table card_payment add constraint FKj4yrj0k4nt3m0efcym09h3s3p foreign key (id) references payment;
