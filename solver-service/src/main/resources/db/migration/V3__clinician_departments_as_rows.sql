-- A clinician's departments as rows, matched by equality: a code may hold '_' or '%', which LIKE takes as wildcards.
CREATE TABLE known_clinician_department (
    clinician_id UUID        NOT NULL,
    department   VARCHAR(40) NOT NULL,
    PRIMARY KEY (clinician_id, department)
);
CREATE INDEX known_clinician_department_by_department ON known_clinician_department (department, clinician_id);

INSERT INTO known_clinician_department (clinician_id, department)
SELECT DISTINCT c.id, d.code
FROM known_clinician c, unnest(string_to_array(c.departments, ',')) AS d(code)
WHERE d.code <> '';

ALTER TABLE known_clinician DROP COLUMN departments;
