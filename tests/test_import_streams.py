"""Exchange stream captures into figures: side conventions, exact totals, floors, windows.

Every expected total is worked out by hand in the test from the sample lines.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from test_import_support import binance_line, bybit_line, make_event, ms, okx_line, write_lines
from writer.errors import InputError
from writer.factbase.loader import event_from_text, load_registry
from writer.importers.run import import_file
from writer.importers.streams import MessageError, binance, bybit, okx


def imported(tmp_path, fmt, lines, **kw):
    event = make_event(tmp_path)
    capture = write_lines(tmp_path / f"{fmt}.jsonl", lines)
    result = import_file(fmt, capture, event, **kw)
    return result, event_from_text(result.new_text, str(event), load_registry(tmp_path / "sources.yaml"))


def value(ev, fact_id):
    return ev.facts[fact_id].value


# --- side conventions -----------------------------------------------------------------


def test_binance_sell_order_liquidates_a_long_and_buy_a_short():
    import json

    sell = list(binance(json.loads(binance_line("BTCUSDT", "SELL", "1", "100", ms(9)))))
    buy = list(binance(json.loads(binance_line("BTCUSDT", "BUY", "1", "100", ms(9)))))
    assert [o.side for o in sell + buy] == ["long", "short"]


def test_bybit_buy_is_the_long_position_liquidated():
    import json

    orders = list(bybit(json.loads(bybit_line(("BTCUSDT", "Buy", "1", "100", ms(9)), ("BTCUSDT", "Sell", "1", "100", ms(9))))))
    assert [o.side for o in orders] == ["long", "short"]


def test_okx_hedge_mode_uses_position_side_and_net_mode_the_order_side():
    import json

    orders = list(okx(json.loads(okx_line("BTC-USDT-SWAP", ("sell", "long", "1", "100", ms(9)), ("buy", "short", "1", "100", ms(9)), ("sell", "net", "1", "100", ms(9)), ("buy", "net", "1", "100", ms(9))))))
    assert [o.side for o in orders] == ["long", "short", "long", "short"]


def test_okx_position_side_contradicting_the_order_side_is_refused():
    import json

    with pytest.raises(MessageError, match="closed by a sell order"):
        list(okx(json.loads(okx_line("BTC-USDT-SWAP", ("buy", "long", "1", "100", ms(9))))))


# --- Binance totals -----------------------------------------------------------------------

BINANCE = [
    binance_line("BTCUSDT", "SELL", "0.5", "90100.00", ms(10)),  # long  0.5 x 90100 = 45050
    binance_line("ETHUSDT", "BUY", "10", "3010.50", ms(10, 1)),  # short 10 x 3010.50 = 30105
    binance_line("1000PEPEUSDT", "SELL", "1000000", "0.0102", ms(11), wrapped=True),  # long 10200, no per-asset figure
    binance_line("BTCUSDC", "BUY", "0.2", "90000", ms(10, 30)),  # short 18000 in USDC: kept apart from USDT
]


def test_binance_totals_per_quote_side_and_asset_by_hand(tmp_path):
    result, ev = imported(tmp_path, "binance", BINANCE, window="4h")
    assert value(ev, "binance_usdt_long") == 45050 + 10200
    assert value(ev, "binance_usdt_short") == 30105
    assert value(ev, "binance_usdt_total") == 45050 + 10200 + 30105
    assert value(ev, "binance_usdc_total") == 18000 and value(ev, "binance_usdc_short") == 18000
    assert "binance_usdc_long" not in ev.facts  # no USDC long was liquidated: no invented zero
    assert value(ev, "binance_btc_usdt") == 45050 and ev.facts["binance_btc_usdt"].contract == "BTC-USDT"
    assert value(ev, "binance_btc_usdc") == 18000
    assert value(ev, "binance_eth_usdt") == 30105
    assert not any("pepe" in fid for fid in ev.facts)
    assert value(ev, "binance_orders") == 4 and ev.facts["binance_orders"].metric == "liquidation_orders"


def test_binance_figures_are_floors_attributed_to_the_venue_with_the_quote_named(tmp_path):
    _, ev = imported(tmp_path, "binance", BINANCE, window="4h")
    for fid in ("binance_usdt_total", "binance_usdt_long", "binance_eth_usdt", "binance_largest", "binance_orders"):
        fact = ev.facts[fid]
        assert fact.lower_bound and fact.venue == "binance" and fact.sources == ("binance",) and fact.window == "4h"
    total = ev.facts["binance_usdt_total"]
    assert "USDT" in total.coverage and "not converted to USD" in total.note


def test_largest_single_liquidation_names_pair_side_time(tmp_path):
    _, ev = imported(tmp_path, "binance", BINANCE, window="4h")
    big = ev.facts["binance_largest"]
    assert (big.value, big.side, big.asset, big.contract, big.venue) == (45050, "long", "BTC", "BTC-USDT", "binance")
    assert "long on BTCUSDT at 2026-11-20T10:00:00.000Z" in big.note  # the order's own time
    assert big.observations[0].as_of.isoformat() == "2026-11-20T11:00:00+00:00"  # when the feed had shown it: the capture's end


def test_window_defaults_to_the_capture_span_and_must_be_declared(tmp_path):
    lines = [binance_line("BTCUSDT", "SELL", "1", "100", ms(10)), binance_line("BTCUSDT", "SELL", "1", "100", ms(11))]
    result, ev = imported(tmp_path, "binance", lines)  # exactly one hour, and the event declares 1h
    assert ev.facts["binance_usdt_total"].window == "1h"
    lines.append(binance_line("BTCUSDT", "SELL", "1", "100", ms(11, 20)))
    with pytest.raises(InputError, match=r"spans 80m .* pass --window"):
        imported(tmp_path, "binance", lines)
    with pytest.raises(InputError, match="longer than --window 1h"):
        imported(tmp_path, "binance", lines, window="1h")


def test_decimal_arithmetic_is_exact_where_floats_drift(tmp_path):
    # 0.1 + 0.2 in binary floating point is 0.30000000000000004; three orders of 0.1 x 1 are exactly 0.30.
    lines = [binance_line("XRPUSDT", "SELL", "0.1", "1", ms(10, i)) for i in range(3)]
    result, ev = imported(tmp_path, "binance", lines, window="1h")
    assert "value: 0.3\n" in result.new_text
    assert value(ev, "binance_xrp_usdt") == 0.3


# --- Bybit ---------------------------------------------------------------------------------

BYBIT = [
    bybit_line(("BTCUSDT", "Buy", "0.25", "90000", ms(10)), ("ETHUSDT", "Sell", "4", "3000.5", ms(10, 0, 1))),  # long 22500; short 12002
    '{"success": true, "ret_msg": "", "conn_id": "x1", "op": "subscribe"}',
    bybit_line(("SOLPERP", "Buy", "100", "140.25", ms(11))),  # long 14025 in USDC (Bybit's USDC perpetual)
]


def test_bybit_totals_by_hand_and_not_marked_as_floors(tmp_path):
    result, ev = imported(tmp_path, "bybit", BYBIT)  # the capture spans exactly the event's 1h window
    assert ev.facts["bybit_usdt_total"].window == "1h"
    assert value(ev, "bybit_usdt_long") == 22500 and value(ev, "bybit_usdt_short") == 12002
    assert value(ev, "bybit_usdt_total") == 34502
    assert value(ev, "bybit_usdc_total") == 14025 and value(ev, "bybit_sol_usdc") == 14025
    assert value(ev, "bybit_orders") == 3
    assert result.control == 1
    assert not ev.facts["bybit_usdt_total"].lower_bound  # allLiquidation pushes every liquidation


def test_bybit_capture_shorter_than_its_window_is_a_floor(tmp_path):
    _, ev = imported(tmp_path, "bybit", BYBIT, window="4h")  # one hour of a 4-hour window
    fact = ev.facts["bybit_usdt_total"]
    assert fact.lower_bound and "the capture covers 1h of the 4h window" in fact.note


def test_bybit_inverse_contracts_and_the_sampled_topic_are_refused(tmp_path):
    with pytest.raises(InputError, match="inverse contracts"):
        imported(tmp_path, "bybit", [bybit_line(("BTCUSD", "Buy", "1000", "90000", ms(10)))])
    sampled = '{"topic": "liquidation.BTCUSDT", "type": "snapshot", "ts": 1, "data": {"price": "1", "side": "Buy", "size": "1", "symbol": "BTCUSDT", "updatedTime": 1}}'
    with pytest.raises(InputError, match="deprecated liquidation topic"):
        imported(tmp_path, "bybit", [sampled])


# --- OKX ------------------------------------------------------------------------------------


def test_okx_contracts_converted_with_contract_values_by_hand(tmp_path):
    lines = [
        okx_line("BTC-USDT-SWAP", ("sell", "long", "25", "70000", ms(10))),  # 25 x 0.01 BTC x 70000 = 17500 USDT
        okx_line("ETH-USDT-SWAP", ("buy", "short", "12", "3000", ms(10, 20))),  # 12 x 0.1 ETH x 3000 = 3600 USDT
        okx_line("BTC-USD-SWAP", ("sell", "net", "30", "69000", ms(10, 40))),  # inverse: 30 x 100 USD = 3000 USD
    ]
    _, ev = imported(tmp_path, "okx", lines, window="1h")
    assert value(ev, "okx_usdt_long") == 17500 and value(ev, "okx_usdt_short") == 3600
    assert value(ev, "okx_usdt_total") == 21100
    assert value(ev, "okx_usd_total") == 3000 and value(ev, "okx_btc_usd") == 3000
    assert ev.facts["okx_usdt_total"].lower_bound  # OKX shows at most one order per contract per second


def test_okx_rest_response_pretty_printed_is_one_message(tmp_path):
    import json

    body = {"code": "0", "msg": "", "data": json.loads(okx_line("SOL-USDT-SWAP", ("sell", "long", "3", "150", ms(10)), ("sell", "long", "2", "150", ms(10, 5))))["data"]}
    event = make_event(tmp_path)
    capture = tmp_path / "okx.json"
    capture.write_text(json.dumps(body, indent=2), encoding="utf-8")
    result = import_file("okx", capture, event, window="1h")
    ev = event_from_text(result.new_text, str(event), load_registry(tmp_path / "sources.yaml"))
    assert value(ev, "okx_sol_usdt") == 5 * 150  # 5 contracts x 1 SOL x 150


def test_okx_unknown_instrument_is_rejected_with_its_line(tmp_path):
    lines = [okx_line("BTC-USDT-SWAP", ("sell", "long", "1", "100", ms(10))), okx_line("PEPE-USDT-SWAP", ("sell", "long", "1", "1", ms(10, 1)))]
    with pytest.raises(InputError) as exc:
        imported(tmp_path, "okx", lines)
    (problem,) = exc.value.problems
    assert problem.line == 2 and "unknown OKX instrument 'PEPE-USDT-SWAP'" in problem.message and problem.field == "data[0].instId"


# --- malformed input ------------------------------------------------------------------------


def test_malformed_line_reported_with_line_number_and_expectation(tmp_path):
    lines = [binance_line("BTCUSDT", "SELL", "1", "100", ms(10)), "", '{"e": "forceOrder", "E": 1, "o": {"s": "BTCUSDT", "S": "SELL"', binance_line("BTCUSDT", "SELL", "1", "100", ms(10, 5))]
    with pytest.raises(InputError) as exc:
        imported(tmp_path, "binance", lines)
    (problem,) = exc.value.problems
    assert problem.line == 3 and "not valid JSON" in problem.message


def test_unknown_message_type_names_what_was_expected(tmp_path):
    lines = [binance_line("BTCUSDT", "SELL", "1", "100", ms(10)), '{"e": "aggTrade", "E": 1, "s": "BTCUSDT"}']
    with pytest.raises(InputError) as exc:
        imported(tmp_path, "binance", lines)
    (problem,) = exc.value.problems
    assert problem.line == 2 and "expected event type 'forceOrder'" in problem.message and "one forceOrder event per line" in problem.message


def test_missing_field_and_bad_number_are_located(tmp_path):
    no_side = '{"e": "forceOrder", "E": 1, "o": {"s": "BTCUSDT", "ap": "1", "z": "1", "T": 1}}'
    bad_qty = binance_line("BTCUSDT", "SELL", "1", "100", ms(10)).replace('"z": "1"', '"z": "one"')
    with pytest.raises(InputError) as exc:
        imported(tmp_path, "binance", [no_side, bad_qty])
    first, second = exc.value.problems
    assert (first.line, first.field) == (1, "o.S") and "missing field 'S'" in first.message
    assert (second.line, second.field) == (2, "o.z") and "expected a decimal number" in second.message


def test_a_file_mixing_two_feeds_is_refused_not_summed(tmp_path):
    lines = [binance_line("BTCUSDT", "SELL", "1", "100", ms(10)), bybit_line(("BTCUSDT", "Buy", "1", "100", ms(10, 1)))]
    with pytest.raises(InputError) as exc:
        imported(tmp_path, "binance", lines)
    (problem,) = exc.value.problems
    assert problem.line == 2 and "mixing two feeds is refused" in problem.message and "Bybit" in problem.message


def test_whole_file_of_another_feed_is_refused_at_line_one(tmp_path):
    with pytest.raises(InputError) as exc:
        imported(tmp_path, "okx", [bybit_line(("BTCUSDT", "Buy", "1", "100", ms(10)))])
    assert exc.value.problems[0].line == 1 and "imported as okx" in exc.value.problems[0].message


def test_negative_and_non_numeric_values_are_refused():
    import json

    line = json.loads(binance_line("BTCUSDT", "SELL", "1", "100", ms(10)))
    line["o"]["ap"] = "-5"
    with pytest.raises(MessageError, match="non-negative"):
        list(binance(line))
    line["o"]["ap"] = True
    with pytest.raises(MessageError, match="decimal number"):
        list(binance(line))


def test_tally_memory_does_not_grow_with_the_number_of_orders():
    from writer.importers.aggregate import Tally
    from writer.importers.streams import Order
    from writer.importers.symbols import binance_instrument

    tally = Tally()
    btc, pepe = binance_instrument("BTCUSDT"), binance_instrument("1000PEPEUSDT")
    for i in range(5000):
        tally.add(Order(btc if i % 2 else pepe, "long" if i % 3 else "short", Decimal("1.5"), i))
    assert tally.orders == 5000 and len(tally.by_side) == 2 and len(tally.by_asset) == 1
    assert tally.total("USDT") == Decimal("7500.0") and (tally.first_ms, tally.last_ms) == (0, 4999)


# --- the direct path for Binance against the field-by-field reading -----------------------


@pytest.mark.parametrize(
    "line",
    [
        binance_line("BTCUSDT", "SELL", "0.5", "90100.00", ms(10)),
        binance_line("ETHUSDC", "BUY", "3", "3000", ms(10), wrapped=True),
        binance_line("BTCUSDT_260327", "SELL", "1", "91000", ms(10)),
        binance_line("BTCUSDT", "SIDEWAYS", "1", "1", ms(10)),
        binance_line("BTCUSD_PERP", "SELL", "1", "1", ms(10)),
        binance_line("BTCUSDT", "SELL", "NaN", "1", ms(10)),
        binance_line("BTCUSDT", "SELL", "1", "-1", ms(10)),
        binance_line("BTCUSDT", "SELL", "1", "Infinity", ms(10)),
        '{"e": "forceOrder", "E": 1, "o": {"s": "BTCUSDT", "S": "SELL", "ap": 90000.5, "z": 2, "T": 5}}',
        '{"e": "forceOrder", "E": 1, "o": {"s": "BTCUSDT", "S": "SELL", "ap": "1", "z": "1", "T": "5"}}',
        '{"e": "forceOrder", "o": {"s": "BTCUSDT", "S": "SELL", "ap": true, "z": "1", "T": 5}}',
        '{"e": "aggTrade", "o": {"s": "BTCUSDT", "S": "SELL", "ap": "1", "z": "1", "T": 5}}',
        '{"stream": "x", "data": 5}',
        "[1, 2]",
        '"forceOrder"',
    ],
)
def test_binance_direct_path_agrees_with_the_checked_reading(line):
    import json

    from writer.importers.streams import binance_checked

    message = json.loads(line, parse_float=Decimal)

    def outcome(parser):
        try:
            return [(o.instrument, o.side, o.notional, o.time_ms) for o in parser(message)]
        except MessageError as exc:
            return ("error", str(exc), exc.field)

    assert outcome(binance) == outcome(binance_checked)
