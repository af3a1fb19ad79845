-- Coverage at risk (issue 12): the activities of each planning window last judged at risk, so that
-- rota.coverage.changed.v1 says only what entered and left. A window without rows has none at risk.
CREATE TABLE window_coverage_risk (
    window_id   VARCHAR(60) NOT NULL,
    activity_id UUID        NOT NULL,
    risk        VARCHAR(20) NOT NULL,
    PRIMARY KEY (window_id, activity_id)
);
