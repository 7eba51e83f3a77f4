"""F4: many tracked blocks in one process, writing to one ledger, never collide: no
exception and no ledger warning inside user code, and every block is in the ledger."""
import sqlite3
import warnings

import carbonscope


def test_many_tracked_blocks_are_each_recorded_once(tmp_path, fake_sensors):
    ledger = tmp_path / "ledger.db"
    ids = set()
    with warnings.catch_warnings():
        warnings.simplefilter("error", carbonscope.LedgerWarning)
        for _ in range(300):
            with carbonscope.track(project="sweep", interval=0.01, output_dir=tmp_path / "runs",
                                   ledger=ledger) as t:
                pass
            ids.add(t.result.run_id)
        carbonscope.wait_recorded()  # the last block's commit follows its stop() on a thread
    assert len(ids) == 300
    rows = sqlite3.connect(ledger).execute("select count(distinct id) from runs").fetchone()[0]
    assert rows == 300
    assert sum(1 for p in (tmp_path / "runs").iterdir() if p.is_dir()) == 300
