// Plans and programmes (kế hoạch, chương trình) each organisation issued on or before $asOf; an
// undated one counts. Restricted like accountability-tasks.
MATCH (d:Document)-[:ISSUED_BY]->(o:Organisation)
WHERE d.type IN ['PLAN', 'PROGRAMME']
  AND (d.issuedOn IS NULL OR d.issuedOn <= $asOf)
  AND ($documents IS NULL OR elementId(d) IN $documents)
  AND ($organisations IS NULL OR o.key IN $organisations)
WITH o, d
ORDER BY d.issuedOn, d.key
RETURN {eid: elementId(o), labels: labels(o), props: properties(o)} AS organisation,
       collect({eid: elementId(d), labels: labels(d), props: properties(d)}) AS plans
