-- Bookings made by customers with providers.
CREATE TABLE providers (
    id    serial PRIMARY KEY,
    name  text NOT NULL
);

CREATE TABLE bookings (
    id          serial PRIMARY KEY,
    provider_id int NOT NULL REFERENCES providers (id),
    starts_at   timestamptz NOT NULL,
    note        text DEFAULT 'booked; confirmed'
);
