#!/usr/bin/env python3
"""Writes N ПОС cases as JSON Lines (docs/import.md) spread over the shipped policy's routes:
roads (→ roads_specialist), yards (→ improvement_specialist), doctor appointments (fast-track →
health_liaison), СВО (→ the coordinator). Deterministic for a given N."""
import json, random, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
rng = random.Random(78)
shapes = [
    (0.4, dict(regime="message", category="roads", subcategory="potholes", fact="carriageway", channel="widget", locality="Старица")),
    (0.3, dict(regime="message", category="improvement", subcategory="yards", channel="widget", locality="Старица")),
    (0.2, dict(regime="message", category="health", subcategory="doctor_appointment", source="MED_DOC_EPGU", channel="mobile_app")),
    (0.1, dict(regime="appeal", category="social", subcategory="svo", channel="epgu_account")),
]
for index in range(n):
    roll, acc = rng.random(), 0.0
    for weight, shape in shapes:
        acc += weight
        if roll <= acc:
            break
    day = 16 + rng.randrange(0, 14)  # received 16.02–01.03.2026
    received = f"2026-02-{day:02d}" if day <= 28 else f"2026-03-{day - 28:02d}"
    case = dict(shape, pos_number=f"BENCH-{index:06d}", address=f"ул. Советская, {index % 200 + 1}",
                description=f"Обращение № {index}: " + "текст жителя " * 8,
                applicant=dict(name=f"Житель {index}", contacts=f"+7 900 {index:07d}"),
                received_at=received, moderation_at=received)
    print(json.dumps(case, ensure_ascii=False))
