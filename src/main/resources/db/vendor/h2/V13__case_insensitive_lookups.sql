-- H2 has no indexes on expressions; the embedded database holds one landlord's test data at most, and its
-- case-insensitive lookups scan. PostgreSQL's migration of the same version builds the indexes.
select 1;
