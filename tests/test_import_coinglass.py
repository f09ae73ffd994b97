"""CoinGlass-style exports: coin lists and exchange lists, snake_case and camelCase, strings and numbers."""

from __future__ import annotations

import json

import pytest

from test_import_support import make_event
from writer.errors import InputError
from writer.factbase.loader import event_from_text, load_registry
from writer.importers.coinglass import snake
from writer.importers.run import import_file


def imported(tmp_path, document, **kw):
    event = make_event(tmp_path)
    capture = tmp_path / "export.json"
    capture.write_text(json.dumps(document), encoding="utf-8")
    result = import_file("coinglass", capture, event, **kw)
    return result, event_from_text(result.new_text, str(event), load_registry(tmp_path / "sources.yaml"))


COIN_LIST = {
    "code": "0",
    "msg": "success",
    "data": [
        {"symbol": "BTC", "liquidation_usd_24h": "180500000.5", "long_liquidation_usd_24h": 150000000.25, "short_liquidation_usd_24h": "30500000.25",
         "liquidation_usd_1h": 2500000, "long_liquidation_usd_1h": 2000000, "short_liquidation_usd_1h": 500000,
         "liquidation_usd_12h": 90000000, "long_liquidation_usd_12h": 80000000, "short_liquidation_usd_12h": 10000000},
        {"symbol": "PEPE", "liquidation_usd_24h": 1000, "long_liquidation_usd_24h": 600, "short_liquidation_usd_24h": 400},
    ],
}


def test_coin_list_snake_case_per_asset_and_window(tmp_path):
    result, ev = imported(tmp_path, COIN_LIST, as_of=None)
    btc = ev.facts["coinglass_btc_24h"]
    assert (btc.value, btc.asset, btc.window, btc.sources, btc.lower_bound) == (180500000.5, "BTC", "24h", ("coinglass",), False)
    assert ev.facts["coinglass_btc_24h_long"].value == 150000000.25 and ev.facts["coinglass_btc_24h_short"].value == 30500000.25
    assert ev.facts["coinglass_btc_1h"].value == 2500000
    assert not any(fid.startswith("coinglass_btc_12h") for fid in ev.facts)  # the event declares no 12h window
    assert any("12h" in note for note in result.skipped) and any("PEPE" in note for note in result.skipped)


def test_camel_case_export_gives_the_same_figures(tmp_path):
    camel = {"code": "0", "data": [{"symbol": "BTC", "liquidationUsd24h": "180500000.5", "longLiquidationUsd24h": "150000000.25", "shortLiquidationUsd24h": 30500000.25}]}
    _, ev = imported(tmp_path, camel)
    assert ev.facts["coinglass_btc_24h"].value == 180500000.5
    assert ev.facts["coinglass_btc_24h_long"].value + ev.facts["coinglass_btc_24h_short"].value == 180500000.5


@pytest.mark.parametrize("key,expected", [("longLiquidationUsd24h", "long_liquidation_usd_24h"), ("liquidation_usd_4h", "liquidation_usd_4h"), ("exchangeName", "exchange"), ("longVolUsd", "long_liquidation_usd")])
def test_field_spellings(key, expected):
    assert snake(key) == expected


EXCHANGE_LIST = {
    "range": "4h",
    "time": "2026-11-20T12:00:00+00:00",
    "data": [
        {"exchange": "All", "liquidation_usd": "96000000", "long_liquidation_usd": "81000000", "short_liquidation_usd": "15000000"},
        {"exchange": "Binance", "liquidation_usd": 40000000, "long_liquidation_usd": 35000000, "short_liquidation_usd": 5000000},
        {"exchangeName": "Huobi", "liquidationUsd": "6000000", "longLiquidationUsd": "5000000", "shortLiquidationUsd": "1000000"},
        {"exchange": "Gate", "liquidation_usd": 3000000, "long_liquidation_usd": 2000000, "short_liquidation_usd": 1000000},
    ],
}


def test_exchange_list_total_and_venues(tmp_path):
    result, ev = imported(tmp_path, EXCHANGE_LIST)
    total = ev.facts["coinglass_all_4h"]
    assert (total.value, total.venue, total.window) == (96000000, None, "4h") and "network-wide" in total.coverage
    assert ev.facts["coinglass_all_4h_long"].value == 81000000
    assert ev.facts["coinglass_binance_4h"].venue == "binance" and ev.facts["coinglass_binance_4h_short"].value == 5000000
    assert ev.facts["coinglass_htx_4h"].value == 6000000  # "Huobi" is HTX's registered alias, in the older camelCase spelling
    assert not any("gate" in fid for fid in ev.facts) and any("Gate" in note for note in result.skipped)
    assert total.observations[0].as_of.isoformat() == "2026-11-20T12:00:00+00:00"


def test_exchange_list_needs_a_range(tmp_path):
    no_range = {k: v for k, v in EXCHANGE_LIST.items() if k != "range"}
    with pytest.raises(InputError, match="covers one `range`"):
        imported(tmp_path, no_range)
    _, ev = imported(tmp_path, no_range, window="1h")
    assert ev.facts["coinglass_all_1h"].window == "1h"


def test_mixed_lists_and_unknown_rows_are_refused(tmp_path):
    mixed = {"range": "4h", "data": [EXCHANGE_LIST["data"][0], COIN_LIST["data"][0]]}
    with pytest.raises(InputError, match="mixes coin-list rows and exchange-list rows"):
        imported(tmp_path, mixed)
    with pytest.raises(InputError, match=r"expected a coin-list row"):
        imported(tmp_path, {"data": [{"coin": "BTC"}]})
    with pytest.raises(InputError, match="expected a decimal number"):
        imported(tmp_path, {"range": "4h", "data": [{"exchange": "All", "liquidation_usd": "lots"}]})


def test_failed_response_and_non_json_are_refused(tmp_path):
    with pytest.raises(InputError, match="failed response"):
        imported(tmp_path, {"code": "40001", "msg": "bad key", "data": []})
    event = make_event(tmp_path)
    capture = tmp_path / "export.json"
    capture.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        import_file("coinglass", capture, event)
