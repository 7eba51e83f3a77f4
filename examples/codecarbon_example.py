"""A CodeCarbon script, unchanged except its import line: it runs on carbonscope.

    /usr/bin/python3 examples/codecarbon_example.py [OUTPUT_DIR]

The rest is CodeCarbon's documented API: an explicit tracker, the context manager,
the decorator and the offline tracker with a country, each writing a row to
OUTPUT_DIR/emissions.csv in CodeCarbon's columns."""

import sys
import time

from carbonscope.compat import EmissionsTracker, OfflineEmissionsTracker, track_emissions  # was: from codecarbon import ...

output_dir = sys.argv[1] if len(sys.argv) > 1 else "."


def work(seconds=0.3):
    end = time.time() + seconds
    x = 0
    while time.time() < end:
        x += sum(i * i for i in range(1000))
    return x


tracker = EmissionsTracker(project_name="explicit", measure_power_secs=0.1, output_dir=output_dir,
                           tracking_mode="process", log_level="error")
tracker.start()
work()
emissions = tracker.stop()
print(f"explicit: {emissions} kg CO2")

with EmissionsTracker(project_name="context", measure_power_secs=0.1, output_dir=output_dir,
                      save_to_api=False) as context_tracker:
    work()
print(f"context: {context_tracker.final_emissions} kg CO2")


@track_emissions(project_name="decorated", measure_power_secs=0.1, output_dir=output_dir, offline=True,
                 country_iso_code="FRA")
def train():
    return work()


train()

offline = OfflineEmissionsTracker(project_name="offline", country_iso_code="CAN", region="quebec",
                                  measure_power_secs=0.1, output_dir=output_dir, experiment_id="exp-42")
offline.start()
offline.start_task("load")
work(0.1)
task = offline.stop_task()
work(0.1)
print(f"offline: {offline.stop()} kg CO2, task {task.task_name}: {task.emissions} kg")
