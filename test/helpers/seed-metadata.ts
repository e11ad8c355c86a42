/**
 * What each seed document is, as its own text says: the parser must derive exactly this,
 * and the API must list exactly this. Written once so the two can never disagree.
 */
export const SEED_DOCUMENTS = [
  {
    file: "2010-08-04-ofsted-worcestershire-referral-and-assessment-inspection.txt",
    id: "2010-08-04-ofsted-worcestershire-referral-and-assessment-inspection",
    title: "Annual unannounced inspection of contact, referral and assessment arrangements within Worcestershire children's services",
    publisher: "Ofsted",
    place: "Worcestershire",
    kind: "inspection letter",
    date: "2010-08-04",
  },
  {
    file: "2017-01-24-ofsted-worcestershire-inspection-report.txt",
    id: "2017-01-24-ofsted-worcestershire-inspection-report",
    title: "Inspection of services for children in need of help and protection, children looked after and care leavers and Review of the effectiveness of the Local Safeguarding Children Board",
    publisher: "Ofsted",
    place: "Worcestershire",
    kind: "inspection report",
    date: "2017-01-24",
  },
  {
    file: "2017-10-24-worcestershire-scrutiny-panel-agenda.txt",
    id: "2017-10-24-worcestershire-scrutiny-panel-agenda",
    title: "Children and Families Overview and Scrutiny Panel agenda, 24 October 2017",
    publisher: "Worcestershire County Council",
    place: "Worcestershire",
    kind: "committee agenda",
    date: "2017-10-13",
  },
  {
    file: "2018-06-08-ofsted-gloucestershire-monitoring-visit-3.txt",
    id: "2018-06-08-ofsted-gloucestershire-monitoring-visit-3",
    title: "Monitoring visit of Gloucestershire children's services",
    publisher: "Ofsted",
    place: "Gloucestershire",
    kind: "monitoring visit letter",
    date: "2018-06-08",
  },
  {
    file: "2018-08-03-ofsted-worcestershire-monitoring-visit-5.txt",
    id: "2018-08-03-ofsted-worcestershire-monitoring-visit-5",
    title: "Monitoring visit of Worcestershire children's services",
    publisher: "Ofsted",
    place: "Worcestershire",
    kind: "monitoring visit letter",
    date: "2018-08-03",
  },
];

/** The two documents inside the agenda pack, each cited as itself. */
export const AGENDA_PARTS = [
  {
    label: "Appendix 1",
    title: "Monitoring visit of Worcestershire children's services",
    publisher: "Ofsted",
    place: "Worcestershire",
    kind: "monitoring visit letter",
    date: "2017-10-12",
    author: "Dominic Stevens",
  },
  {
    label: "Appendix 2",
    title: "Presentation to be delivered to Children and Families Overview and Scrutiny Panel by Assistant Director: Safeguarding Services",
    publisher: "Worcestershire County Council",
    place: "Worcestershire",
    kind: "presentation",
    date: "2017-10-24",
    author: "Tina Russell",
  },
];
