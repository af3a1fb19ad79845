-- Run once by the postgres image, on an empty data directory: one database per service, no shared tables.
-- Each service's Flyway migrations create its schema at start.
CREATE DATABASE credentials;
CREATE DATABASE activities;
CREATE DATABASE solver;
