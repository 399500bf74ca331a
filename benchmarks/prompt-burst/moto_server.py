"""The emulator as the local stack runs it (local/emulator's moto_server.py), with one change for the burst.

moto's TransactWriteItems deep-copies a whole table once per item of the transaction, to roll back on a
failed condition: a transaction of 100 inbox items copies the notifications table 100 times, so a burst
of thousands of members slows to minutes. Here each table is copied once per transaction (the same
rollback). DynamoDB requests already run one at a time (moto_server.py), so the swap is not seen by any
other request. Benchmark use only: the call counts do not change, only moto's time.
Usage: python moto_server.py HOST PORT
"""
import copy
import pathlib
import runpy
import types

import moto.dynamodb.models as models

_transact = models.DynamoDBBackend.transact_write_items


def transact_write_items(self, transact_items):
    copies = {}

    def once(value, memo=None):
        if id(value) not in copies:
            copies[id(value)] = (value, copy.deepcopy(value, memo))
        return copies[id(value)][1]

    models.copy = types.SimpleNamespace(deepcopy=once, copy=copy.copy)
    try:
        return _transact(self, transact_items)
    finally:
        models.copy = copy


models.DynamoDBBackend.transact_write_items = transact_write_items
launcher = pathlib.Path(__file__).resolve().parents[2] / "local/emulator/src/main/resources/app/realmoments/emulator/moto_server.py"
runpy.run_path(str(launcher), run_name="__main__")
