-- The read model: solver-service's own copy of what the other services announced, at the version it last applied.
CREATE TABLE known_clinician (
    id                   UUID PRIMARY KEY,
    external_id          VARCHAR(100),
    display_name         VARCHAR(200),
    departments          VARCHAR(1000) NOT NULL, -- comma-separated department codes
    fte                  NUMERIC(3, 2) NOT NULL,
    max_minutes_per_week INTEGER,
    active               BOOLEAN       NOT NULL,
    version              BIGINT        NOT NULL
);

CREATE TABLE known_credential (
    id             UUID PRIMARY KEY,
    clinician_id   UUID        NOT NULL,
    procedure_code VARCHAR(40) NOT NULL,
    level          VARCHAR(20) NOT NULL,
    valid_from     DATE        NOT NULL,
    valid_until    DATE,
    status         VARCHAR(20) NOT NULL,
    max_per_week   INTEGER,
    version        BIGINT      NOT NULL
);
CREATE INDEX known_credential_by_clinician ON known_credential (clinician_id);

CREATE TABLE known_activity (
    id                  UUID PRIMARY KEY,
    department          VARCHAR(40)  NOT NULL,
    title               VARCHAR(200),
    location            VARCHAR(200),
    starts_at           TIMESTAMPTZ  NOT NULL,
    ends_at             TIMESTAMPTZ  NOT NULL,
    procedure_code      VARCHAR(40),
    required_clinicians INTEGER      NOT NULL,
    minimum_level       VARCHAR(20)  NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    version             BIGINT       NOT NULL
);
CREATE INDEX known_activity_by_window ON known_activity (department, starts_at);

CREATE TABLE known_absence (
    id           UUID PRIMARY KEY,
    clinician_id UUID        NOT NULL,
    starts_at    TIMESTAMPTZ NOT NULL,
    ends_at      TIMESTAMPTZ NOT NULL,
    removed      BOOLEAN     NOT NULL,
    version      BIGINT      NOT NULL
);
CREATE INDEX known_absence_by_clinician ON known_absence (clinician_id);

CREATE TABLE known_preference (
    id           UUID PRIMARY KEY,
    clinician_id UUID        NOT NULL,
    day          DATE        NOT NULL,
    kind         VARCHAR(20) NOT NULL,
    removed      BOOLEAN     NOT NULL,
    version      BIGINT      NOT NULL
);
CREATE INDEX known_preference_by_clinician ON known_preference (clinician_id);

-- A scheduler's decision the solver must keep: this clinician staffs this activity.
CREATE TABLE pin (
    id           UUID PRIMARY KEY,
    activity_id  UUID         NOT NULL,
    clinician_id UUID         NOT NULL,
    reason       VARCHAR(500),
    created_at   TIMESTAMPTZ  NOT NULL,
    UNIQUE (activity_id, clinician_id)
);

-- Every published allocation of a planning window (department + ISO week), versioned per window.
CREATE TABLE allocation (
    id           UUID PRIMARY KEY,
    window_id    VARCHAR(100) NOT NULL,
    version      BIGINT       NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    document     TEXT         NOT NULL, -- the rota.allocation.v1 event as published
    UNIQUE (window_id, version)
);

-- The current allocation, one row per seat taken: what REST queries and the next solve's "previous" read.
CREATE TABLE current_assignment (
    window_id      VARCHAR(100) NOT NULL,
    activity_id    UUID         NOT NULL,
    clinician_id   UUID         NOT NULL,
    level          VARCHAR(20),
    procedure_code VARCHAR(40),
    starts_at      TIMESTAMPTZ  NOT NULL,
    ends_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (activity_id, clinician_id)
);
CREATE INDEX current_assignment_by_clinician ON current_assignment (clinician_id, starts_at);
CREATE INDEX current_assignment_by_window ON current_assignment (window_id);

-- One row per solve: the solve-run history with its statistics.
CREATE TABLE solve_run (
    id                   UUID PRIMARY KEY,
    window_id            VARCHAR(100) NOT NULL,
    trigger_kind         VARCHAR(20)  NOT NULL,
    started_at           TIMESTAMPTZ  NOT NULL,
    finished_at          TIMESTAMPTZ,
    outcome              VARCHAR(30)  NOT NULL,
    solver_status        VARCHAR(20),
    objective            DOUBLE PRECISION,
    best_bound           DOUBLE PRECISION,
    model_millis         BIGINT,
    solve_millis         BIGINT,
    first_feasible_millis BIGINT,
    activities           INTEGER,
    assignments          INTEGER,
    unfilled_seats       INTEGER,
    changed_assignments  INTEGER,
    allocation_version   BIGINT,
    detail               VARCHAR(1000)
);
CREATE INDEX solve_run_by_time ON solve_run (started_at DESC);
