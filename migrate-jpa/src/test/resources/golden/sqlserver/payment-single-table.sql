create table payment (dtype varchar(31) not null check ((dtype in ('Payment','CardPayment'))), id bigint identity not null, amount_cents bigint not null, card_last4 varchar(4), primary key (id));
