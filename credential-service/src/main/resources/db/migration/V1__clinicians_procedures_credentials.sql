CREATE TABLE clinician (
    id                   UUID PRIMARY KEY,
    external_id          VARCHAR(100) NOT NULL UNIQUE,
    display_name         VARCHAR(200) NOT NULL,
    role                 VARCHAR(40)  NOT NULL,
    fte                  NUMERIC(3, 2) NOT NULL CHECK (fte > 0 AND fte <= 1),
    max_minutes_per_week INTEGER CHECK (max_minutes_per_week > 0),
    active               BOOLEAN      NOT NULL,
    version              BIGINT       NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL
);

CREATE TABLE clinician_department (
    clinician_id UUID        NOT NULL REFERENCES clinician (id),
    department   VARCHAR(40) NOT NULL,
    PRIMARY KEY (clinician_id, department)
);
CREATE INDEX clinician_department_by_department ON clinician_department (department);

CREATE TABLE procedure (
    id         UUID PRIMARY KEY,
    code       VARCHAR(40)  NOT NULL UNIQUE,
    name       VARCHAR(200) NOT NULL,
    active     BOOLEAN      NOT NULL,
    version    BIGINT       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE credential (
    id             UUID PRIMARY KEY,
    external_id    VARCHAR(100) UNIQUE,
    clinician_id   UUID        NOT NULL REFERENCES clinician (id),
    procedure_code VARCHAR(40) NOT NULL REFERENCES procedure (code),
    level          VARCHAR(20) NOT NULL,
    valid_from     DATE        NOT NULL,
    valid_until    DATE,
    status         VARCHAR(20) NOT NULL,
    max_per_week   INTEGER CHECK (max_per_week > 0),
    version        BIGINT      NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);
CREATE INDEX credential_by_clinician ON credential (clinician_id, procedure_code);
CREATE INDEX credential_by_procedure ON credential (procedure_code, status);
CREATE INDEX credential_by_expiry ON credential (valid_until) WHERE status = 'ACTIVE';

-- Every change of a credential, for the credentialing office: who, when, what, and the state after it.
CREATE TABLE credential_change (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    credential_id UUID         NOT NULL REFERENCES credential (id),
    version       BIGINT       NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    reason        VARCHAR(500),
    changed_at    TIMESTAMPTZ  NOT NULL,
    state         TEXT         NOT NULL
);
CREATE INDEX credential_change_by_credential ON credential_change (credential_id, id);
