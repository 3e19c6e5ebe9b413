-- Names are limited to 100 characters without control characters since this release
-- (server/domain/userProfile.ts); names stored before are brought within the limit, since every
-- member of a project is shown them. A name that was nothing but control characters becomes 'Unnamed'.
UPDATE "user"
SET "name" = COALESCE(NULLIF(btrim(left(regexp_replace("name", '[[:cntrl:]]+', ' ', 'g'), 100)), ''), 'Unnamed')
WHERE length("name") > 100 OR "name" ~ '[[:cntrl:]]';
