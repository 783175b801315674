-- Custom SQL migration file, put your code below! ---- Tokens made before tokens had an expiry end a year after they were made, like new ones.
UPDATE `integration_token` SET `expires_at` = `created_at` + 31536000000 WHERE `expires_at` IS NULL;
