-- Deliberately broken: the first statement is fine, the second names a table that does not exist.
create table half_a_feature (id bigint primary key);
insert into no_such_table values (1);
