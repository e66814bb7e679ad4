#!/usr/bin/env python3
"""Writes the peer-benchmark workload (/work/shared/peers, gen.py) as an lko policy folder.

Usage:  gen_lko_policy.py DATA_DIR OUT_DIR
Reads DATA_DIR/model.json (the harness's engine-neutral entities) and writes OUT_DIR/*.lko:
the organization, the five roles with exactly the semantics of reference.py, the category
tree cat00..cat39 with subcategories catNN-sK (lko paths catNN.catNN-sK), and one grant per
(user, role) scoped to that user's category / subcategory ids. Standard library only.
"""
import json
import os
import sys

ROLES = '''# The five roles of the peer workload (reference.py), one allow line per scope.
role coordinator "Координатор" {
  allow view, assign, reassign on any
}

role executor "Исполнитель" {
  allow view, draft, submit on assigned and granted
}

role manager "Руководитель" {
  allow view, approve, return on granted
}

role curator "Куратор" {
  allow view on any
  allow approve, return on granted
}

role admin "Администратор" {
  allow manage_users, manage_policy, manage_delegations on any
}
'''

ORGANIZATION = '''organization "Peer benchmark workload (municipal feedback-platform account)" {
  timezone "Europe/Moscow"
  executor_role executor
  coordinator_role coordinator
}
'''


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    data_dir, out_dir = sys.argv[1], sys.argv[2]
    with open(os.path.join(data_dir, "model.json")) as f:
        model = json.load(f)
    os.makedirs(out_dir, exist_ok=True)
    for name in os.listdir(out_dir):
        if name.endswith(".lko"):
            os.remove(os.path.join(out_dir, name))

    categories = model["categories"]          # {"cat00": ["cat00-s0", ...], ...}
    parent = {s: c for c, subs in categories.items() for s in subs}

    tree = []
    for c in sorted(categories):
        tree.append(f'category {c} "Категория {c}" {{')
        for s in categories[c]:
            tree.append(f'  subcategory {s} "Подкатегория {s}"')
        tree.append("}")
        tree.append("")

    def path(x):
        return x if x in categories else f"{parent[x]}.{x}"

    grants = []
    for u in model["users"]:
        for g in u["grants"]:
            scope = g.get("scope")
            if scope:
                grants.append(f"grant {g['role']} to {u['id']} on " + ", ".join(path(x) for x in scope))
            else:
                grants.append(f"grant {g['role']} to {u['id']}")

    files = {
        "organization.lko": ORGANIZATION,
        "roles.lko": ROLES,
        "categories.lko": "\n".join(tree),
        "grants.lko": "# One grant per (user, role), scoped as in model.json.\n" + "\n".join(grants) + "\n",
    }
    for name, text in files.items():
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"{out_dir}: {len(categories)} categories, {len(parent)} subcategories, "
          f"{len(model['users'])} users, {len(grants)} grants")


if __name__ == "__main__":
    main()
