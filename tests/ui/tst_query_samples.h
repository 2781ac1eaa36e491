#pragma once

// Encoded queries of the kinds ServiceNow users write, with the kind of each row the
// builder shows: C a condition, O an ordering, V a part kept as encoded text.

#include <QtCore/QList>
#include <QtCore/QString>

struct QuerySample
{
    const char *name;
    QString encoded;
    QString rowKinds;
};

inline QList<QuerySample> querySamples()
{
    using namespace Qt::StringLiterals;
    return {
        {"equals", u"active=true"_s, u"C"_s},
        {"not equals", u"state!=7"_s, u"C"_s},
        {"in", u"stateIN1,2,3"_s, u"C"_s},
        {"not in", u"stateNOT IN6,7"_s, u"C"_s},
        {"not in with spaces", u"subcategoryNOT INdb2,sql server,oracle"_s, u"C"_s},
        {"starts with", u"numberSTARTSWITHINC001"_s, u"C"_s},
        {"ends with", u"short_descriptionENDSWITHdown"_s, u"C"_s},
        {"like", u"short_descriptionLIKEemail"_s, u"C"_s},
        {"not like", u"short_descriptionNOT LIKEtest"_s, u"C"_s},
        {"is empty", u"assigned_toISEMPTY"_s, u"C"_s},
        {"is not empty", u"assigned_toISNOTEMPTY"_s, u"C"_s},
        {"greater than", u"priority>1"_s, u"C"_s},
        {"greater or equal", u"priority>=2"_s, u"C"_s},
        {"less than", u"priority<3"_s, u"C"_s},
        {"less or equal", u"priority<=4"_s, u"C"_s},
        {"between numbers", u"reassignment_countBETWEEN1@3"_s, u"C"_s},
        {"anything", u"descriptionANYTHING"_s, u"C"_s},
        {"empty string", u"descriptionEMPTYSTRING"_s, u"C"_s},
        {"same as", u"opened_bySAMEAScaller_id"_s, u"C"_s},
        {"not same as", u"opened_byNSAMEAScaller_id"_s, u"C"_s},
        {"dynamic me", u"assigned_toDYNAMIC90d1921e5f510100a9ad2572f2b477fe"_s, u"C"_s},
        {"instance of", u"sys_class_nameINSTANCEOFtask"_s, u"C"_s},
        {"impact in", u"impactIN1,2"_s, u"C"_s},
        {"custom field", u"u_custom_field=1"_s, u"C"_s},
        {"and", u"active=true^priority=1"_s, u"CC"_s},
        {"or", u"priority=1^ORpriority=2"_s, u"CC"_s},
        {"new query", u"active=true^NQpriority=1"_s, u"CC"_s},
        {"groups and orders", u"priority>=1^ORpriority=5^NQstate=6^ORDERBYDESCnumber"_s, u"CCCO"_s},
        {"empty or dot-walk", u"assigned_toISEMPTY^ORassigned_to.active=false"_s, u"CC"_s},
        {"choice list and order", u"category=software^subcategoryINemail,os^ORDERBYnumber"_s, u"CCO"_s},
        {"on today", u"opened_atONToday@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()"_s, u"C"_s},
        {"not on yesterday", u"opened_atNOTONYesterday@javascript:gs.beginningOfYesterday()@javascript:gs.endOfYesterday()"_s, u"C"_s},
        {"on last 7 days", u"opened_atONLast 7 days@javascript:gs.daysAgoStart(7)@javascript:gs.daysAgoEnd(0)"_s, u"C"_s},
        {"on this month", u"stateIN6,7^resolved_atONThis month@javascript:gs.beginningOfThisMonth()@javascript:gs.endOfThisMonth()"_s, u"CC"_s},
        {"on a date", u"opened_atON2024-01-15@javascript:gs.dateGenerate('2024-01-15','start')@javascript:gs.dateGenerate('2024-01-15','end')"_s, u"C"_s},
        {"days ago start", u"sys_created_on>=javascript:gs.daysAgoStart(7)"_s, u"C"_s},
        {"before days ago", u"sys_created_on<javascript:gs.daysAgoStart(0)"_s, u"C"_s},
        {"between days ago", u"sys_updated_onBETWEENjavascript:gs.daysAgoStart(1)@javascript:gs.daysAgoEnd(0)"_s, u"C"_s},
        {"between date generate", u"opened_atBETWEENjavascript:gs.dateGenerate('2015-10-07','00:00:00')@javascript:gs.dateGenerate('2015-10-08','23:59:59')"_s, u"C"_s},
        {"between pysnow dates", u"sys_created_onBETWEENjavascript:gs.dateGenerate(\"2016-02-01 00:00:00\")@javascript:gs.dateGenerate(\"2016-02-10 00:00:00\")"_s, u"C"_s},
        {"after plain date", u"opened_at>2016-02-01 00:00:00"_s, u"C"_s},
        {"relative after", u"sys_updated_onRELATIVEGT@hour@ago@1"_s, u"C"_s},
        {"relative ahead", u"due_dateRELATIVELE@day@ahead@2"_s, u"C"_s},
        {"duration", u"business_duration>1970-01-02 00:00:00"_s, u"C"_s},
        {"dot-walk", u"caller_id.name=Abel Tuter"_s, u"C"_s},
        {"dot-walk and", u"caller_id.nameSTARTSWITHAbel^active=true"_s, u"CC"_s},
        {"dot-walk or", u"assignment_group.name=Service Desk^ORassignment_group.name=Network"_s, u"CC"_s},
        {"escaped caret", u"short_descriptionLIKEa^^b"_s, u"C"_s},
        {"caret alone", u"short_description=^^"_s, u"C"_s},
        {"trailing caret then and", u"short_descriptionLIKEx^^^priority=1"_s, u"CC"_s},
        {"escape hides and", u"active=true^^priority=1"_s, u"C"_s},
        {"date part", u"opened_atDATEPARTMonday@javascript:gs.datePart('dayofweek','monday','GE')"_s, u"V"_s},
        {"more than", u"due_dateMORETHANsys_updated_on@day@before@1"_s, u"V"_s},
        {"greater than field", u"priorityGT_FIELDurgency"_s, u"V"_s},
        {"value changes", u"stateVALCHANGES"_s, u"V"_s},
        {"changes to", u"active=true^stateCHANGESTO7"_s, u"CV"_s},
        {"end query", u"active=true^EQ"_s, u"CV"_s},
        {"related list query", u"active=true^RLQUERYtask_sla.task,>=1^sla.name=P1 resolution^ENDRLQUERY"_s, u"CV"_s},
        {"related list first", u"RLQUERYtask_sla.task,>=1^ENDRLQUERY^active=true"_s, u"VC"_s},
        {"text query", u"123TEXTQUERY321=email server"_s, u"V"_s},
        {"text query after and", u"active=true^123TEXTQUERY321=email"_s, u"CV"_s},
        {"go to", u"GOTOnumber>=INC0010001"_s, u"V"_s},
        {"unknown operator", u"activeISfoo"_s, u"V"_s},
        {"upper case field", u"Active=true"_s, u"V"_s},
        {"order by", u"ORDERBYnumber"_s, u"O"_s},
        {"order by desc", u"ORDERBYDESCsys_created_on"_s, u"O"_s},
        {"two orders", u"active=true^ORDERBYpriority^ORDERBYDESCnumber"_s, u"COO"_s},
        {"order first", u"ORDERBYcaller_id.name^active=true"_s, u"OC"_s},
        {"empty equals", u"short_description="_s, u"C"_s},
        {"empty like", u"short_descriptionLIKE"_s, u"C"_s},
        {"empty in", u"stateIN"_s, u"C"_s},
        {"trailing caret", u"active=true^"_s, u"CV"_s},
        {"leading caret", u"^active=true"_s, u"VC"_s},
        {"trailing new query", u"active=true^ORactive=false^NQ"_s, u"CCV"_s},
        {"unicode value", u"short_descriptionLIKEcafé ☕"_s, u"C"_s},
        {"choice label value", u"state=In Progress"_s, u"C"_s},
        {"boolean odd value", u"active=yes"_s, u"C"_s},
        {"reference sys_id", u"caller_id=5137153cc611227c000bbd1bd8cd2005"_s, u"C"_s},
    };
}
