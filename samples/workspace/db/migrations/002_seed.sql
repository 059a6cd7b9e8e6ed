INSERT INTO providers (name) VALUES ('Salon Aurora'), ('Dr. Lee');
INSERT INTO bookings (provider_id, starts_at) VALUES (1, '2025-12-08T09:00:00Z'), (2, '2025-12-08T10:30:00Z');
