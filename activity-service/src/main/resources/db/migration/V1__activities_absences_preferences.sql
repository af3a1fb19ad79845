CREATE TABLE activity (
    id                  UUID PRIMARY KEY,
    external_id         VARCHAR(100) NOT NULL UNIQUE,
    department          VARCHAR(40)  NOT NULL,
    title               VARCHAR(200) NOT NULL,
    starts_at           TIMESTAMPTZ  NOT NULL,
    ends_at             TIMESTAMPTZ  NOT NULL,
    location            VARCHAR(200) NOT NULL,
    procedure_code      VARCHAR(40),
    required_clinicians INTEGER      NOT NULL CHECK (required_clinicians BETWEEN 1 AND 50),
    minimum_level       VARCHAR(20)  NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    version             BIGINT       NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    CHECK (ends_at > starts_at)
);
-- range listings: activities overlapping [from, to)
CREATE INDEX activity_by_time ON activity (starts_at, ends_at);
CREATE INDEX activity_by_department ON activity (department, starts_at);
CREATE INDEX activity_by_procedure ON activity (procedure_code, starts_at) WHERE procedure_code IS NOT NULL;

-- Withdrawn absences and preferences stay as rows (deleted = true): their final state was published with a version,
-- and a later write must not reuse that version.
CREATE TABLE absence (
    id           UUID PRIMARY KEY,
    clinician_id UUID        NOT NULL,
    starts_at    TIMESTAMPTZ NOT NULL,
    ends_at      TIMESTAMPTZ NOT NULL,
    reason       VARCHAR(500),
    deleted      BOOLEAN     NOT NULL,
    version      BIGINT      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX absence_by_clinician ON absence (clinician_id, starts_at) WHERE NOT deleted;
CREATE INDEX absence_by_time ON absence (starts_at, ends_at) WHERE NOT deleted;

CREATE TABLE day_preference (
    id           UUID PRIMARY KEY,
    clinician_id UUID        NOT NULL,
    day          DATE        NOT NULL,
    kind         VARCHAR(20) NOT NULL,
    deleted      BOOLEAN     NOT NULL,
    version      BIGINT      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
-- one live preference per clinician and day
CREATE UNIQUE INDEX day_preference_one_per_day ON day_preference (clinician_id, day) WHERE NOT deleted;
CREATE INDEX day_preference_by_day ON day_preference (day) WHERE NOT deleted;
