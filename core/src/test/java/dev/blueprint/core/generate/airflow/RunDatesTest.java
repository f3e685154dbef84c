package dev.blueprint.core.generate.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Airflow 3 rewrite of run-date names; real Airflow runs them in AirflowRunTest. */
class RunDatesTest {

  @Test
  void namesInsideExpressionsBecomeWhatEveryRunHas() {
    assertEquals(
        "x.sh \"{{ ((dag_run.logical_date or dag_run.run_after) | ds) }}\" {{ interval_start() }}",
        RunDates.forAirflow3("x.sh \"{{ ds }}\" {{ data_interval_start }}"));
    assertEquals(
        "{{ (dag_run.logical_date or dag_run.run_after).strftime('%H') }} {{ interval_end() }}",
        RunDates.forAirflow3("{{ logical_date.strftime('%H') }} {{ data_interval_end }}"));
    assertEquals(
        "{{((dag_run.logical_date or dag_run.run_after) | ts_nodash)}}",
        RunDates.forAirflow3("{{ts_nodash}}"));
    assertEquals(
        "{% if ((dag_run.logical_date or dag_run.run_after) | ds) %}",
        RunDates.forAirflow3("{% if ds %}"));
  }

  @Test
  void textOutsideExpressionsAttributesFiltersStringsAndRawBlocksStay() {
    for (String same :
        new String[] {
          "ds and data_interval_start outside Jinja",
          "{{ dag_run.ds }}",
          "{{ x | ds }}",
          "{{ 'ds' }}",
          "{{ macros.ds_add(x, 1) }}",
          "{% raw %}{{ ds }}{% endraw %}",
          "{# {{ ds }} #}",
          "{{ f(ds=1) }}",
          "{{ dsx }} {{ my_ds }}"
        }) {
      assertEquals(same, RunDates.forAirflow3(same), same);
    }
    assertEquals(null, RunDates.forAirflow3(null));
  }

  @Test
  void tellsWhetherTheIntervalMacrosAreUsed() {
    assertTrue(RunDates.usesInterval(RunDates.forAirflow3("{{ data_interval_end }}")));
    assertFalse(RunDates.usesInterval(RunDates.forAirflow3("{{ ds }}")));
  }
}
