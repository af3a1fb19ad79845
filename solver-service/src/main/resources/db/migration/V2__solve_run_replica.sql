-- Which replica ran the solve: with several solver-service replicas, each window's runs show who owned it.
ALTER TABLE solve_run ADD COLUMN solved_by VARCHAR(200);
