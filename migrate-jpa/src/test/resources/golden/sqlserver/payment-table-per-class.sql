create table card_payment (id bigint not null, amount_cents bigint not null, card_last4 varchar(4), primary key (id));
create table payment (id bigint not null, amount_cents bigint not null, primary key (id));
