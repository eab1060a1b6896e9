// The situation room. Everything it shows comes from the server's frames (Server-Sent Events from
// /api/simulations/{id}/stream); every action is a call to the control API, whose 400 messages are shown next to the
// field they name. No framework: the page is a map, a chart and a few forms.
"use strict";

const $ = (selector) => document.querySelector(selector);
const palette = { ink: "#1b1f24", damage: "#D55E00", rolling: "#0072B2", heat: "#CC79A7", forecast: "#009E73" };

const page = {
  runId: null, source: null, meta: null, lastTick: -1, forecast: null, logged: new Set(),
  series: { x: [], rolling: [], damage: [], heat: [] }, chart: null, drawPending: false,
};

// ---- numbers and time -------------------------------------------------------------------------------------------
const people = (n) => n == null ? "–" : n >= 1e6 ? (n / 1e6).toFixed(2) + " M" : n >= 1e3 ? (n / 1e3).toFixed(1) + " k" : Math.round(n).toString();
const offsetLabel = (minutes) => {
  const sign = minutes < 0 ? "-" : "+", m = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};
// Simulated time in the scenario's own offset, whatever the browser's zone.
const simTime = (unixSeconds) => {
  const minutes = page.meta ? page.meta.scenario.utc_offset_minutes : 0;
  const shifted = new Date((unixSeconds + minutes * 60) * 1000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} ${offsetLabel(minutes)}`;
};
const tickSeconds = (tick) => Date.parse(page.meta.scenario.start) / 1000 + tick * page.meta.scenario.tick_hours * 3600;

// ---- the control API --------------------------------------------------------------------------------------------
async function api(method, path, body) {
  const headers = { "Content-Type": "application/json" };
  const token = sessionStorage.getItem("simgrid-token");
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = response.status === 204 ? {} : await response.json().catch(() => ({}));
  if (response.status === 401) {
    $("#token-box").hidden = false;
    $("#token").focus();
    throw { field: null, message: "this server needs its token: enter it above and try again" };
  }
  if (!response.ok) {
    const message = answer.error || answer.detail || `${response.status} ${response.statusText}`;
    throw { field: message.includes(":") ? message.split(":")[0].split(".")[0] : null, message, problems: answer.problems };
  }
  return answer;
}

$("#token").addEventListener("input", (e) => sessionStorage.setItem("simgrid-token", e.target.value));

// ---- runs -------------------------------------------------------------------------------------------------------
async function loadRuns(select) {
  const runs = await api("GET", "/api/simulations");
  const picker = $("#run-picker");
  picker.replaceChildren(...runs.map((r) => new Option(`${r.id} · ${r.scenario} · ${r.status}`, r.id)));
  const wanted = select || decodeURIComponent(location.hash.slice(1)) || page.runId ||
    (runs.find((r) => r.status === "running") || runs[0] || {}).id;
  if (wanted && runs.some((r) => r.id === wanted)) {
    picker.value = wanted;
    if (wanted !== page.runId) connect(wanted);
  }
}

$("#run-picker").addEventListener("change", (e) => connect(e.target.value));
$("#run-picker").addEventListener("focus", () => loadRuns().catch(() => {}));

function connect(id) {
  if (page.source) page.source.close();
  page.runId = id;
  history.replaceState(null, "", `#${encodeURIComponent(id)}`);
  page.source = new EventSource(`/api/simulations/${encodeURIComponent(id)}/stream`);
  page.source.addEventListener("init", (e) => init(JSON.parse(e.data)));
  page.source.addEventListener("tick", (e) => apply(JSON.parse(e.data)));
  page.source.addEventListener("gone", () => { $("#run-status").textContent = "gone"; page.source.close(); });
  // EventSource reconnects by itself (after a lost silo the run resumes elsewhere); a reconnect starts with an init.
  page.source.onerror = () => { $("#run-status").textContent = "reconnecting…"; };
}

// ---- frames -----------------------------------------------------------------------------------------------------
function init(frame) {
  page.meta = frame;
  page.lastTick = -1;
  page.forecast = null;
  page.logged = new Set();
  page.series = { x: [], rolling: [], damage: [], heat: [] };
  $("#event-log").replaceChildren();
  buildMap(frame.regions);
  fillForms(frame);
  apply(frame.state);
}

function apply(frame) {
  if (!page.meta) return;
  const points = frame.points || [];
  if (points.length && points[0][0] > page.lastTick + 1 && page.lastTick >= 0) {
    connect(page.runId);   // a gap (frames dropped): start again from the state so far
    return;
  }
  for (const [tick, rolling, damage, heat] of points) {
    if (tick <= page.lastTick) continue;
    page.series.x.push(tickSeconds(tick));
    page.series.rolling.push(rolling);
    page.series.damage.push(damage);
    page.series.heat.push(heat);
    page.lastTick = tick;
  }
  const run = frame.run;
  $("#run-status").textContent = `${run.status}${run.paused ? " (paused)" : ""} · ${run.speed === "max" ? "max" : run.speed + "x"}`;
  const speed = $("#speed");
  if (document.activeElement !== speed) {
    const value = String(run.speed);
    if (![...speed.options].some((o) => o.value === value)) speed.append(new Option(`${value}x`, value));
    speed.value = value;
  }
  $("#sim-time").textContent = simTime(Date.parse(frame.time) / 1000);
  document.body.dataset.tick = frame.national ? frame.national.tick : -1;
  document.body.dataset.status = run.status;
  document.body.dataset.events = frame.event_count;
  if (frame.national) showNational(frame.national);
  showRegions(frame.regions);
  showWeapons(frame.weapons);
  showEvents(frame.events);
  if (frame.forecast) showForecast(frame.forecast);
  scheduleDraw();
}

function setFigure(id, value, text) {
  const el = $(id);
  el.dataset.value = value;
  el.textContent = text;
}

function showNational(n) {
  setFigure("#people-off-damage", n.people_off_damage, people(n.people_off_damage));
  setFigure("#people-off-rolling", n.people_off_rolling, people(n.people_off_rolling));
  setFigure("#people-without-heat", n.people_without_heat, people(n.people_without_heat));
  setFigure("#shortfall", n.shortfall_mw, Math.round(n.shortfall_mw).toLocaleString("en"));
}

function showForecast(f) {
  page.forecast = f;
  // "> 72": not reached within the forecast's horizon.
  const h = (v) => v == null ? `> ${f.horizon_hours}` : v.toFixed(0);
  const restore = $("#restore");
  restore.textContent = `${h(f.hours_to_restore_p_10)} · ${h(f.hours_to_restore_p_50)} · ${h(f.hours_to_restore_p_90)}`;
  restore.dataset.fromTick = f.from_tick;
  $("#chart").dataset.forecastFrom = f.from_tick;
  $("#chart-note").textContent = `Forecast from ${simTime(Date.parse(f.from) / 1000)}: ${f.replications} replications, ` +
    `people without power P10–P90 (shaded) and P50 over the next ${f.horizon_hours} h.`;
}

// ---- map --------------------------------------------------------------------------------------------------------
function buildMap(regions) {
  const map = $("#map");
  const tiles = window.SIMGRID_TILES || {};
  let spare = 0;
  map.replaceChildren(...regions.map((r) => {
    const tile = document.createElement("div");
    tile.className = "tile";
    tile.id = `tile-${r.id}`;
    tile.dataset.region = r.id;
    tile.tabIndex = 0;
    tile.setAttribute("role", "listitem");
    const [col, row] = tiles[r.id] || [spare % 8, 5 + Math.floor(spare++ / 8)];
    tile.style.gridColumn = col + 1;
    tile.style.gridRow = row + 1;
    tile.innerHTML = `<div class="fill"><div class="damage"></div><div class="rolling"></div></div>
      <span class="name"></span><span class="share"></span>`;
    tile.querySelector(".name").textContent = r.name;
    tile.addEventListener("mouseenter", () => showDetail(r.id));
    tile.addEventListener("focus", () => showDetail(r.id));
    return tile;
  }));
}

function showRegions(regions) {
  page.regions = regions;
  for (const r of regions) {
    const tile = document.getElementById(`tile-${r.id}`);
    if (!tile) continue;
    const share = r.share_off_damage + r.share_off_rolling;
    const meta = page.meta.regions.find((x) => x.id === r.id);
    tile.classList.toggle("no-customers", meta.customers === 0);
    tile.dataset.shareDamage = r.share_off_damage;
    tile.dataset.shareRolling = r.share_off_rolling;
    tile.querySelector(".fill .damage").style.height = `${(100 * r.share_off_damage).toFixed(1)}%`;
    tile.querySelector(".fill .rolling").style.height = `${(100 * r.share_off_rolling).toFixed(1)}%`;
    tile.querySelector(".share").textContent = meta.customers === 0 ? "no customers" : `${Math.round(100 * share)}%`;
    tile.title = `${r.id}: ${Math.round(100 * share)}% of customers without power`;
    tile.classList.toggle("hit", r.weapons_hit > 0);
  }
  if (page.detail) showDetail(page.detail);
}

function showDetail(id) {
  page.detail = id;
  const r = (page.regions || []).find((x) => x.id === id);
  const meta = page.meta.regions.find((x) => x.id === id);
  if (!r || !meta) return;
  $("#region-detail").textContent = `${meta.name}: ${Math.round(100 * r.share_off_damage)}% of customers off by damage, ` +
    `${Math.round(100 * r.share_off_rolling)}% on schedules (${people(r.people_off)} people); ${people(r.people_without_heat)} without heat; ` +
    `${r.temperature_c.toFixed(1)} °C outside${r.weapons_hit > 0 ? `; ${r.weapons_hit} hits this tick` : ""}.`;
}

function showWeapons(weapons) {
  $("#weapons tbody").replaceChildren(...weapons.map((w) => {
    const row = document.createElement("tr");
    for (const v of [w.weapon, w.launched, w.intercepted, w.hit]) row.insertCell().textContent = v;
    return row;
  }));
}

// ---- event log --------------------------------------------------------------------------------------------------
function logEntry(key, tick, text, kind) {
  const log = $("#event-log");
  if (page.logged.has(key)) return;
  page.logged.add(key);
  const item = document.createElement("li");
  item.dataset.tick = tick;
  item.className = kind;
  const time = document.createElement("time");
  time.textContent = simTime(tickSeconds(tick));
  item.append(time, text);
  // newest first: before the first entry of an earlier or equal tick
  const after = [...log.children].find((li) => Number(li.dataset.tick) <= tick);
  log.insertBefore(item, after || null);
}

function showEvents(events) {
  for (const w of page.meta.waves) {
    if (w.tick <= page.lastTick) logEntry(`wave-${w.id}`, w.tick, `wave ${w.id}: ${w.what}`, "wave");
  }
  for (const e of events || []) logEntry(`event-${e.index}`, e.tick, e.what, "event");
}

// ---- chart ------------------------------------------------------------------------------------------------------
function scheduleDraw() {
  if (page.drawPending) return;
  page.drawPending = true;
  requestAnimationFrame(() => { page.drawPending = false; draw(); });
}

function chartData() {
  const s = page.series, f = page.forecast;
  const x = [...s.x], n = x.length;
  const pad = (arr, extra) => [...arr, ...new Array(extra).fill(null)];
  let fx = [], p10 = [], p50 = [], p90 = [];
  if (f) {
    const from = Date.parse(f.from) / 1000;
    f.hours_ahead.forEach((h, i) => {
      const t = from + h * 3600;
      if (n === 0 || t > x[n - 1]) { fx.push(t); p10.push(f.people_without_power_p_10[i]); p50.push(f.people_without_power_p_50[i]); p90.push(f.people_without_power_p_90[i]); }
    });
  }
  const before = new Array(n).fill(null);
  return [
    [...x, ...fx],
    pad(s.damage.map((d, i) => d + s.rolling[i]), fx.length),
    pad(s.damage, fx.length),
    pad(s.heat, fx.length),
    [...before, ...p10], [...before, ...p50], [...before, ...p90],
  ];
}

function draw() {
  const el = $("#chart");
  const data = chartData();
  if (!page.chart) {
    const width = Math.max(320, el.clientWidth);
    const minutes = () => (page.meta ? page.meta.scenario.utc_offset_minutes : 0);
    page.chart = new uPlot({
      width, height: Math.max(240, Math.min(420, Math.round(window.innerHeight * 0.32))),
      // The axis shows simulated time in the scenario's offset, not the browser's zone.
      tzDate: (ts) => new Date((ts + minutes() * 60) * 1000 + new Date((ts + minutes() * 60) * 1000).getTimezoneOffset() * 60000),
      scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.05)] } },
      axes: [
        // 24-hour clock in the scenario's offset; the date at midnight.
        { label: `simulated time (${offsetLabel(minutes())})`, values: (u, ticks) => ticks.map((t) => {
          const text = simTime(t);
          return text.slice(11, 16) === "00:00" ? text.slice(5, 10) : text.slice(11, 16);
        }) },
        { label: "people", size: 70, values: (u, ticks) => ticks.map(people) },
      ],
      series: [
        { value: (u, v) => v == null ? "–" : simTime(v) },
        { label: "without power (all)", stroke: palette.ink, width: 2, value: (u, v) => people(v) },
        { label: "without power (damage)", stroke: palette.damage, width: 2, value: (u, v) => people(v) },
        { label: "without heat", stroke: palette.heat, width: 2, value: (u, v) => people(v) },
        { label: "forecast P10", stroke: palette.forecast, dash: [4, 4], width: 1, value: (u, v) => people(v) },
        { label: "forecast P50", stroke: palette.forecast, width: 2, value: (u, v) => people(v) },
        { label: "forecast P90", stroke: palette.forecast, dash: [4, 4], width: 1, value: (u, v) => people(v) },
      ],
      bands: [{ series: [6, 4], fill: "rgba(0,158,115,0.18)" }],
    }, data, el);
    new ResizeObserver(() => page.chart.setSize({ width: Math.max(320, el.clientWidth), height: page.chart.height })).observe(el);
  } else {
    page.chart.setData(data);
  }
}

// ---- forms ------------------------------------------------------------------------------------------------------
function fillForms(frame) {
  const options = (list) => list.map((v) => new Option(v, v));
  for (const select of document.querySelectorAll("select.regions")) {
    const regionOptions = frame.regions.map((r) => new Option(r.name, r.id));
    select.replaceChildren(...(select.classList.contains("optional") ? [new Option("whole country", "")] : []), ...regionOptions);
  }
  $("#inject-form [name=weapon]").replaceChildren(...options(frame.weapons));
  $("#inject-form [name=class]").replaceChildren(new Option("any", ""), ...options(frame.asset_classes));
  $("#asset-list").replaceChildren(...options(frame.assets));
}

function clearErrors(form) {
  form.querySelector(".form-error").textContent = "";
  for (const el of form.querySelectorAll(".field-error")) el.remove();
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
}

// Shows an API refusal next to the field it names (the visible one), or beside the button.
function showError(form, error) {
  const field = error.field && [...form.querySelectorAll(`[data-field="${error.field}"]`)].find((el) => el.offsetParent !== null);
  if (field) {
    field.setAttribute("aria-invalid", "true");
    const note = document.createElement("span");
    note.className = "field-error";
    note.textContent = error.message;
    field.closest("label").append(note);
  } else {
    form.querySelector(".form-error").textContent = [error.message, ...(error.problems || [])].join("; ");
  }
}

const numberOf = (form, name) => {
  const el = [...form.querySelectorAll(`[name=${name}]`)].find((x) => x.offsetParent !== null);
  return el && el.value !== "" ? Number(el.value) : undefined;
};
const textOf = (form, name) => {
  const el = [...form.querySelectorAll(`[name=${name}]`)].find((x) => x.offsetParent !== null);
  return el && el.value !== "" ? el.value : undefined;
};

function eventBody(form) {
  const type = form.type.value;
  switch (type) {
    case "strike": {
      const body = { type, weapon: textOf(form, "weapon"), count: numberOf(form, "count"), hours: numberOf(form, "hours"), regions: { [textOf(form, "region")]: 1 } };
      const cls = textOf(form, "class");
      if (cls) body.classes = { [cls]: 1 };
      return body;
    }
    case "damage": return { type, asset: textOf(form, "asset") ?? "", state: textOf(form, "state") };
    case "weather": return { type, temperature_c: numberOf(form, "temperature_c"), region: textOf(form, "region"), hours: numberOf(form, "hours") };
    case "crews": return { type, region: textOf(form, "region"), crews: numberOf(form, "crews") };
    default: return { type, mw: numberOf(form, "mw") };
  }
}

function showFields() {
  const form = $("#inject-form");
  for (const group of form.querySelectorAll(".fields")) group.hidden = group.dataset.for !== form.type.value;
}
$("#inject-form [name=type]").addEventListener("change", showFields);
showFields();

$("#inject-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const form = e.target;
  clearErrors(form);
  if (!page.runId) return showError(form, { message: "pick or start a run first" });
  const button = form.querySelector("button");
  button.disabled = true;
  form.querySelector(".form-error").textContent = "injecting; the forecast follows…";
  try {
    const answer = await api("POST", `/api/simulations/${encodeURIComponent(page.runId)}/events`, eventBody(form));
    form.querySelector(".form-error").textContent = "";
    if (answer.forecast) { showForecast(answer.forecast); scheduleDraw(); }
  } catch (error) {
    form.querySelector(".form-error").textContent = "";
    showError(form, error);
  } finally {
    button.disabled = false;
  }
});

$("#start-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const form = e.target;
  clearErrors(form);
  const speed = form.speed.value.trim();
  const body = { scenario: form.scenario.value, speed: speed === "max" ? "max" : Number(speed) };
  if (form.seed.value !== "") body.seed = Number(form.seed.value);
  try {
    const run = await api("POST", "/api/simulations", body);
    await loadRuns(run.id);
  } catch (error) {
    showError(form, error);
  }
});

// ---- run controls -----------------------------------------------------------------------------------------------
async function control(method, path, body) {
  $("#control-error").textContent = "";
  if (!page.runId) return;
  try {
    await api(method, `/api/simulations/${encodeURIComponent(page.runId)}${path}`, body);
  } catch (error) {
    $("#control-error").textContent = error.message;
  }
}
$("#pause").addEventListener("click", () => control("POST", "/pause"));
$("#resume").addEventListener("click", () => control("POST", "/resume"));
$("#stop").addEventListener("click", () => control("POST", "/stop"));
$("#speed").addEventListener("change", (e) => control("PUT", "/speed", { speed: e.target.value === "max" ? "max" : Number(e.target.value) }));

// ---- start ------------------------------------------------------------------------------------------------------
(async () => {
  try {
    const scenarios = await api("GET", "/api/scenarios");
    $("#start-form [name=scenario]").replaceChildren(...scenarios.map((s) => new Option(s.split("/").pop(), s)));
    await loadRuns();
    if (!page.runId) $("#run-status").textContent = "no run playing: start one below";
  } catch (error) {
    $("#control-error").textContent = error.message;
  }
})();
