-- SCIM compares userName regardless of case: `filter=userName eq "…"` and the clash check on
-- create both ask for lower("userName") = lower($1) within one directory. Prisma's schema
-- cannot state an expression index, so it is only here.
CREATE INDEX "ScimUser_directoryId_lower_userName_idx" ON "ScimUser"("directoryId", lower("userName"));
