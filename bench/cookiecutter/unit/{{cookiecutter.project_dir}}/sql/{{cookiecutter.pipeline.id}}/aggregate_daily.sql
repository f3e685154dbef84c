-- A SQL file generated from the engagement {{ cookiecutter.engagement }} as a starting point for a
-- task of {{ cookiecutter.pipeline.id }}: write it and commit it. Airflow's SQLExecuteQueryOperator
-- renders it with Jinja first ({{ '{{' }} ds {{ '}}' }} is the run's date) and runs it on the task's
-- connection. Make it idempotent: delete the interval's rows and insert them again in one
-- transaction, so that a retry or a rerun gives the same result.
DO $$
BEGIN
  RAISE EXCEPTION 'this SQL file is not written yet';
END
$$;
