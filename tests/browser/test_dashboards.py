"""Stuurinformatie in the browser, on the demo municipality, axe on every page: Marieke, the
gemeente's teamleider, reads the dashboard (charts with the same numbers in tables, small groups
as "<5"), picks another period, and downloads the figures as CSV."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_dashboard_with_its_tables_periods_and_export(ui):
    page = ui.page
    ui.login("marieke")
    ui.navigate_by(page.get_by_role("link", name="Stuurinformatie"))
    expect(ui.main).to_contain_text("Cijfers berekend op")
    phases = page.get_by_role("region", name="Casussen per fase (nu): tabel")
    expect(phases.get_by_role("row", name="Aangemeld")).to_be_visible()
    expect(phases).to_contain_text("<5")
    expect(page.get_by_role("img", name="Casussen per fase (nu)")).to_be_visible()
    expect(page.get_by_role("region", name="Wachtlijst jeugdconsulenten per maand: tabel")).to_be_visible()
    page.get_by_label("Periode", exact=True).select_option(label="2026")
    ui.navigate_by(page.get_by_role("button", name="Tonen"))
    expect(ui.main).to_contain_text("Periode: 2026.")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als CSV").click()
    content = open(download.value.path(), encoding="utf-8-sig").read()
    assert "Casussen per fase (nu);nu;Aangemeld;" in content
    for small in (";1;", ";2;", ";3;", ";4;"):
        assert small not in content
