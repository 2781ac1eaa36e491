// The tables, columns and choice lists the emulator serves.
//
// The incident columns are the 106 columns recorded from a real instance; the
// columns of sys_user, sys_attachment, sys_db_object and sys_dictionary also follow
// real recordings. Task columns are stored on `task` and inherited by incident,
// problem and change_request, as on a real instance.
//
// Format, one item per line:
//   table NAME "Label" [super=PARENT] [display=COLUMN] [prefix=INC start=10001] [extendable]
//   COLUMN "Label" TYPE[:REFERENCE] [len=N] [mandatory] [readonly] [choice] [display]
//   sysfields      adds sys_id, sys_created_on/by, sys_updated_on/by, sys_mod_count, sys_class_name
//   choices TABLE.COLUMN VALUE=Label|VALUE=Label|DEPENDENT>VALUE=Label
//   glidetype NAME "Label"

namespace snowemu {

extern const char *const kTableDefinitions;

const char *const kTableDefinitions = R"DEFS(
table task "Task" display=number prefix=TASK start=10001 extendable
active "Active" boolean
activity_due "Activity due" due_date
additional_assignee_list "Additional assignee list" glide_list:sys_user len=4000
approval "Approval" string choice
approval_history "Approval history" journal len=4000
approval_set "Approval set" glide_date_time
assigned_to "Assigned to" reference:sys_user len=32
assignment_group "Assignment group" reference:sys_user_group len=32
business_duration "Business duration" glide_duration
business_service "Service" reference:cmdb_ci_service len=32
calendar_duration "Duration" glide_duration
close_notes "Close notes" string len=4000
closed_at "Closed" glide_date_time
closed_by "Closed by" reference:sys_user len=32
cmdb_ci "Configuration item" reference:cmdb_ci len=32
comments "Additional comments" journal_input len=4000
comments_and_work_notes "Comments and Work notes" journal_list len=4000
company "Company" reference:core_company len=32
contact_type "Channel" string choice
contract "Contract" reference:ast_contract len=32
correlation_display "Correlation display" string len=100
correlation_id "Correlation ID" string len=100
delivery_plan "Delivery plan" reference:sc_cat_item_delivery_plan len=32
delivery_task "Delivery task" reference:sc_cat_item_delivery_task len=32
description "Description" string len=4000
due_date "Due date" glide_date_time
escalation "Escalation" integer choice
expected_start "Expected start" glide_date_time
follow_up "Follow up" glide_date_time
group_list "Group list" glide_list:sys_user_group len=4000
impact "Impact" integer choice
knowledge "Knowledge" boolean
location "Location" reference:cmn_location len=32
made_sla "Made SLA" boolean
number "Number" string readonly
opened_at "Opened" glide_date_time
opened_by "Opened by" reference:sys_user len=32
order "Order" integer
origin_id "Origin" document_id len=32
origin_table "Origin table" table_name len=80
parent "Parent" reference:task len=32
priority "Priority" integer choice
reassignment_count "Reassignment count" integer
rejection_goto "Rejection goto" reference:task len=32
route_reason "Route reason" integer
service_offering "Service offering" reference:service_offering len=32
short_description "Short description" string len=160
skills "Skills" glide_list:cmn_skill len=4000
sla_due "SLA due" due_date
state "State" integer choice
sys_class_name "Task type" sys_class_name len=80
sys_created_by "Created by" string readonly
sys_created_on "Created" glide_date_time readonly
sys_domain "Domain" domain_id:sys_user_group len=32
sys_domain_path "Domain Path" domain_path len=255
sys_id "Sys ID" GUID len=32 readonly
sys_mod_count "Updates" integer readonly
sys_tags "Tags" string
sys_updated_by "Updated by" string readonly
sys_updated_on "Updated" glide_date_time readonly
task_effective_number "Effective number" string
time_worked "Time worked" timer
universal_request "Universal Request" reference:task len=32
upon_approval "Upon approval" string choice
upon_reject "Upon reject" string choice
urgency "Urgency" integer choice
user_input "User input" user_input len=4000
variables "Variables" variables
watch_list "Watch list" glide_list:sys_user len=4000
wf_activity "Workflow activity" reference:wf_activity len=32
work_end "Actual end" glide_date_time
work_notes "Work notes" journal_input len=4000
work_notes_list "Work notes list" glide_list:sys_user len=4000
work_start "Actual start" glide_date_time

table incident "Incident" super=task display=number prefix=INC start=10001
actions_taken "Actions taken" string len=4000
business_impact "Business impact" string len=4000
business_stc "Business resolve time" integer
calendar_stc "Resolve time" integer
caller_id "Caller" reference:sys_user len=32 mandatory
category "Category" string choice
cause "Probable cause" string len=4000
caused_by "Caused by Change" reference:change_request len=32
child_incidents "Child Incidents" integer
close_code "Resolution code" string choice
hold_reason "On hold reason" integer choice
incident_state "Incident state" integer choice
lessons_learned "Lessons learned" boolean
major_incident_state "Major incident state" string choice
notify "Notify" integer choice
overview "Overview" string len=4000
parent_incident "Parent Incident" reference:incident len=32
problem_id "Problem" reference:problem len=32
promoted_by "Promoted by" reference:sys_user len=32
promoted_on "Promoted" glide_date_time
proposed_by "Proposed by" reference:sys_user len=32
proposed_on "Proposed" glide_date_time
reopen_count "Reopen count" integer
reopened_by "Last reopened by" reference:sys_user len=32
reopened_time "Last reopened at" glide_date_time
resolved_at "Resolved" glide_date_time
resolved_by "Resolved by" reference:sys_user len=32
rfc "Change Request" reference:change_request len=32
severity "Severity" integer choice
subcategory "Subcategory" string choice
timeline "Timeline" string len=4000
trigger_rule "Trigger rule" reference:sys_trigger len=32

table problem "Problem" super=task display=number prefix=PRB start=40001
category "Category" string choice
subcategory "Subcategory" string choice
problem_state "Problem state" integer choice
known_error "Known error" boolean
cause_notes "Cause notes" string len=4000
fix_notes "Fix notes" string len=4000
workaround "Workaround" string len=4000
related_incidents "Related Incidents" integer
resolution_code "Resolution code" string choice
resolved_at "Resolved" glide_date_time
resolved_by "Resolved by" reference:sys_user len=32
first_reported_by_task "First reported by" reference:task len=32
duplicate_of "Duplicate of" reference:problem len=32

table change_request "Change Request" super=task display=number prefix=CHG start=30001
type "Type" string choice
category "Category" string choice
risk "Risk" integer choice
start_date "Planned start date" glide_date_time
end_date "Planned end date" glide_date_time
requested_by "Requested by" reference:sys_user len=32
requested_by_date "Requested by date" glide_date_time
backout_plan "Backout plan" string len=4000
implementation_plan "Implementation plan" string len=4000
test_plan "Test plan" string len=4000
justification "Justification" string len=4000
reason "Reason" string choice
cab_required "CAB required" boolean
cab_date "CAB date" glide_date
on_hold "On hold" boolean
production_system "Production system" boolean
outside_maintenance_schedule "Outside maintenance schedule" boolean
unauthorized "Unauthorized" boolean
conflict_status "Conflict status" string choice
close_code "Close code" string choice
phase "Phase" string choice
scope "Scope" integer choice

table sys_user "User" display=name
accumulated_roles "Accumulated roles" string len=4000
active "Active" boolean
avatar "Avatar" user_image
building "Building" reference:cmn_building len=32
calendar_integration "Calendar integration" integer choice
city "City" string
company "Company" reference:core_company len=32
cost_center "Cost center" reference:cmn_cost_center len=32
country "Country code" string len=3 choice
date_format "Date format" string choice
default_perspective "Default perspective" reference:sys_perspective len=32
department "Department" reference:cmn_department len=32
edu_status "EDU Status" string
email "Email" email len=100
employee_number "Employee number" string
enable_multifactor_authn "Enable Multifactor Authentication" boolean
failed_attempts "Failed login attempts" integer
fax "Business fax" ph_number
federated_id "Federated ID" string
first_name "First name" string len=50
gender "Gender" string choice
hashed_user_id "Hashed User ID" string len=255
home_phone "Home phone" ph_number
identity_type "Identity type" string choice
internal_integration_user "Internal Integration User" boolean
introduction "Prefix" string choice
last_login "Last login" glide_date
last_login_device "Last login device" string
last_login_time "Last login time" glide_date_time
last_name "Last name" string len=50
last_password "Last password" password len=255
ldap_server "LDAP server" reference:ldap_server_config len=32
location "Location" reference:cmn_location len=32
locked_out "Locked out" boolean
manager "Manager" reference:sys_user len=32
manager_hp1 "Manager HP1" string
middle_name "Middle name" string len=50
mobile_phone "Mobile phone" ph_number
name "Name" string len=151 display
notification "Notification" integer choice
password_needs_reset "Password needs reset" boolean
phone "Business phone" ph_number
photo "Photo" user_image
preferred_language "Language" string choice
roles "Roles" user_roles len=4000
schedule "Schedule" reference:cmn_schedule len=32
source "Source" string len=255
sso_source "Single Sign-On Source" string len=255
state "State / Province" string
street "Street" string len=255
sys_domain "Domain" domain_id:sys_user_group len=32
sys_domain_path "Domain Path" domain_path len=255
sys_tags "Tags" string
time_format "Time format" string choice
time_zone "Time zone" string choice
title "Title" string len=60
user_name "User ID" string len=40 mandatory
user_password "Password" password2 len=255
vip "VIP" boolean
web_service_access_only "Web service access only" boolean
zip "Zip / Postal code" string
sysfields

table sys_user_group "Group" display=name
name "Name" string len=80 display
description "Description" string len=1000
email "Group email" email len=100
manager "Manager" reference:sys_user len=32
active "Active" boolean
type "Type" glide_list:sys_user_group_type len=1024
parent "Parent" reference:sys_user_group len=32
default_assignee "Default assignee" reference:sys_user len=32
exclude_manager "Exclude manager" boolean
include_members "Include members" boolean
cost_center "Cost center" reference:cmn_cost_center len=32
roles "Roles" user_roles len=4000
source "Source" string len=255
sysfields

table core_company "Company" display=name
name "Name" string len=80 display
street "Street" string len=255
city "City" string
state "State / Province" string
zip "Zip / Postal Code" string
country "Country" string
phone "Phone" ph_number
fax_phone "Fax phone" ph_number
website "Website" url len=1024
stock_symbol "Stock symbol" string
stock_price "Stock price" string
customer "Customer" boolean
vendor "Vendor" boolean
manufacturer "Manufacturer" boolean
parent "Parent" reference:core_company len=32
notes "Notes" string len=4000
sysfields

table cmn_location "Location" display=name
name "Name" string len=100 display
full_name "Full name" string len=255
street "Street" string len=255
city "City" string
state "State / Province" string
zip "Zip / Postal Code" string
country "Country" string
latitude "Latitude" float
longitude "Longitude" float
phone "Phone" ph_number
time_zone "Time zone" string choice
parent "Parent" reference:cmn_location len=32
company "Company" reference:core_company len=32
sysfields

table cmdb_ci "Configuration Item" display=name extendable
name "Name" string len=255 display
asset_tag "Asset tag" string
serial_number "Serial number" string len=255
category "Category" string
subcategory "Subcategory" string
short_description "Description" string len=1000
comments "Comments" string len=4000
company "Company" reference:core_company len=32
location "Location" reference:cmn_location len=32
manufacturer "Manufacturer" reference:core_company len=32
model_number "Model number" string
assigned_to "Assigned to" reference:sys_user len=32
managed_by "Managed by" reference:sys_user len=32
owned_by "Owned by" reference:sys_user len=32
support_group "Support group" reference:sys_user_group len=32
ip_address "IP Address" ip_address len=255
mac_address "MAC Address" string
dns_domain "DNS Domain" string len=255
fqdn "Fully qualified domain name" string len=255
environment "Environment" string choice
operational_status "Operational status" integer choice
install_status "Status" integer choice
install_date "Installed" glide_date_time
cost "Cost" float
sysfields

table sys_attachment "Attachment" display=file_name
average_image_color "Average image color" string
chunk_size_bytes "Chunk size bytes" string
compressed "Compressed" boolean
content_type "Content type" string len=100
file_name "File name" string len=100 display
hash "Hash" string len=64
image_height "Image height" decimal
image_width "Image width" decimal
size_bytes "Size bytes" longint
size_compressed "Size compressed" longint
state "State" string choice
sys_created_by "Created by" string readonly
sys_created_on "Created" glide_date_time readonly
sys_id "Sys ID" GUID len=32 readonly
sys_mod_count "Updates" integer readonly
sys_tags "Tags" string
sys_updated_by "Updated by" string readonly
sys_updated_on "Updated" glide_date_time readonly
table_name "Table name" table_name len=100
table_sys_id "Table sys ID" string len=32

table sys_db_object "Table" display=label
access "Accessible from" string choice
actions_access "Can create/update UI Actions" boolean
alter_access "Allow configuration" boolean
caller_access "Caller Access" integer choice
client_scripts_access "Can create/update Client Scripts" boolean
configuration_access "Allow configuration" boolean
create_access "Can create" boolean
create_access_controls "Create access controls" boolean
delete_access "Can delete" boolean
extension_model "Extension model" string choice
is_extendable "Extensible" boolean
label "Label" string len=80 display
live_feed_enabled "Live feed" boolean
name "Name" string len=80
number_ref "Auto number" reference:sys_number len=32
provider_class "Provider class" string len=100
read_access "Can read" boolean
scriptable_table "Scriptable table" boolean
super_class "Extends table" reference:sys_db_object len=32
sys_class_code "Class code" string
sys_class_name "Class" sys_class_name len=80
sys_class_path "Glide class path" string len=255
sys_created_by "Created by" string readonly
sys_created_on "Created" glide_date_time readonly
sys_id "Sys ID" GUID len=32 readonly
sys_mod_count "Updates" integer readonly
sys_name "Display name" string len=255
sys_package "Package" reference:sys_package len=32
sys_policy "Protection policy" string choice
sys_scope "Application" reference:sys_scope len=32
sys_update_name "Update name" string len=250
sys_updated_by "Updated by" string readonly
sys_updated_on "Updated" glide_date_time readonly
update_access "Can update" boolean
user_role "User role" reference:sys_user_role len=32
ws_access "Allow access to this table via web services" boolean
is_data_interface "Data interface" boolean
is_df_table "Data fabric table" boolean
filter_extension "Filter extension" string

table sys_dictionary "Dictionary Entry" display=column_label
active "Active" boolean
array "Array" boolean
array_denormalized "Array denormalized" boolean
attributes "Attributes" string len=1000
audit "Audit" boolean
calculation "Calculation" script len=8000
choice "Choice" integer choice
choice_field "Choice field" string
choice_table "Choice table" table_name len=80
column_label "Column label" string len=80 display
comments "Comments" string len=4000
create_roles "Create roles" user_roles len=255
default_value "Default value" string len=512
defaultsort "Default sort" integer
delete_roles "Delete roles" user_roles len=255
dependent "Dependent" string
dependent_on_field "Dependent on field" field_name len=80
display "Display" boolean
dynamic_creation "Dynamic creation" boolean
dynamic_creation_script "Dynamic creation script" script len=4000
dynamic_default_value "Dynamic default value" reference:sys_filter_option_dynamic len=32
dynamic_ref_qual "Dynamic ref qual" reference:sys_filter_option_dynamic len=32
element "Column name" string len=80
element_reference "Element reference" boolean
foreign_database "Foreign database" string
formula "Formula" string len=4000
function_definition "Function definition" string len=4000
function_field "Function field" boolean
internal_type "Type" reference:sys_glide_object len=32
mandatory "Mandatory" boolean
max_length "Max length" integer
name "Table" table_name len=80
next_element "Next element" string
primary "Primary" boolean
read_only "Read only" boolean
read_only_option "Read only option" string choice
read_roles "Read roles" user_roles len=255
reference "Reference" reference:sys_db_object len=80
reference_cascade_rule "Reference cascade rule" string choice
reference_floats "Reference floats" boolean
reference_key "Reference key" string
reference_qual "Reference qual" string len=1000
reference_qual_condition "Reference qual condition" conditions len=4000
reference_type "Reference type" string
sizeclass "Sizeclass" integer
spell_check "Spell check" boolean
staged "Staged" boolean
sys_class_name "Class" sys_class_name len=80
sys_created_by "Created by" string readonly
sys_created_on "Created" glide_date_time readonly
sys_id "Sys ID" GUID len=32 readonly
sys_mod_count "Updates" integer readonly
sys_name "Display name" string len=255
sys_package "Package" reference:sys_package len=32
sys_policy "Protection policy" string choice
sys_scope "Application" reference:sys_scope len=32
sys_update_name "Update name" string len=250
sys_updated_by "Updated by" string readonly
sys_updated_on "Updated" glide_date_time readonly
table_reference "Table reference" boolean
text_index "Text index" boolean
unique "Unique" boolean
use_dependent_field "Use dependent field" boolean
use_dynamic_default "Use dynamic default" boolean
use_reference_qualifier "Use reference qualifier" string choice
virtual "Calculated" boolean
virtual_type "Virtual type" string
widget "Widget" string
write_roles "Write roles" user_roles len=255
xml_view "XML view" boolean

table sys_choice "Choice" display=label
name "Table" table_name len=80
element "Element" string len=80
value "Value" string len=40
label "Label" string len=100 display
sequence "Sequence" integer
language "Language" string
inactive "Inactive" boolean
dependent_value "Dependent value" string
hint "Hint" string len=255
sysfields

table sys_glide_object "Field class" display=label
name "Name" string
label "Label" string display
scalar_type "Extends" string
scalar_length "Length" integer
visible "Visible" boolean
use_original_value "Use original value" boolean
attributes "Attributes" string len=1000
sysfields

table sys_properties "System Property" display=name
name "Name" string len=100 display
value "Value" string len=4000
description "Description" string len=512
type "Type" string choice
suffix "Suffix" string
is_private "Private" boolean
ignore_cache "Ignore cache" boolean
sysfields

choices task.state -5=Pending|1=Open|2=Work in Progress|3=Closed Complete|4=Closed Incomplete|7=Closed Skipped
choices task.priority 1=1 - Critical|2=2 - High|3=3 - Moderate|4=4 - Low|5=5 - Planning
choices task.impact 1=1 - High|2=2 - Medium|3=3 - Low
choices task.urgency 1=1 - High|2=2 - Medium|3=3 - Low
choices task.escalation 0=Normal|1=Moderate|2=High|3=Overdue
choices task.approval not requested=Not Yet Requested|requested=Requested|approved=Approved|rejected=Rejected|cancelled=Cancelled|not_required=No Longer Required
choices task.contact_type email=Email|phone=Phone|self-service=Self-service|walk-in=Walk-in|chat=Chat|virtual_agent=Virtual Agent
choices task.upon_approval proceed=Proceed to Next Task|do_nothing=Wait for a User to Close this Task
choices task.upon_reject cancel=Cancel all future Tasks|goto=Go to a previous Task
choices incident.state 1=New|2=In Progress|3=On Hold|6=Resolved|7=Closed|8=Canceled
choices incident.incident_state 1=New|2=In Progress|3=On Hold|6=Resolved|7=Closed|8=Canceled
choices incident.category inquiry=Inquiry / Help|software=Software|hardware=Hardware|network=Network|database=Database
choices incident.subcategory inquiry>antivirus=Antivirus|inquiry>email=Email|inquiry>internal application=Internal Application|software>email=Email|software>os=Operating System|hardware>cpu=CPU|hardware>disk=Disk|hardware>keyboard=Keyboard|hardware>memory=Memory|hardware>monitor=Monitor|hardware>mouse=Mouse|network>dhcp=DHCP|network>dns=DNS|network>ip address=IP Address|network>vpn=VPN|network>wireless=Wireless|database>db2=DB2|database>ms sql server=MS SQL Server|database>oracle=Oracle
choices incident.close_code Duplicate=Duplicate|Known error=Known error|No resolution provided=No resolution provided|Resolved by caller=Resolved by caller|Resolved by change=Resolved by change|Resolved by problem=Resolved by problem|Resolved by request=Resolved by request|Solution provided=Solution provided|Workaround provided=Workaround provided|User error=User error
choices incident.hold_reason 1=Awaiting Caller|5=Awaiting Change|3=Awaiting Problem|4=Awaiting Vendor
choices incident.severity 1=1 - High|2=2 - Medium|3=3 - Low
choices incident.notify 1=Do Not Notify|2=Send Email
choices incident.major_incident_state proposed=Proposed|accepted=Accepted|rejected=Rejected|canceled=Canceled
choices problem.state 101=New|102=Assess|103=Root Cause Analysis|104=Fix in Progress|106=Resolved|107=Closed
choices problem.problem_state 101=New|102=Assess|103=Root Cause Analysis|104=Fix in Progress|106=Resolved|107=Closed
choices problem.category inquiry=Inquiry / Help|software=Software|hardware=Hardware|network=Network|database=Database
choices problem.subcategory software>email=Email|software>os=Operating System|hardware>disk=Disk|network>dns=DNS|network>vpn=VPN|database>oracle=Oracle
choices problem.resolution_code fix_applied=Fix Applied|risk_accepted=Risk Accepted|canceled=Canceled|duplicate=Duplicate
choices change_request.state -5=New|-4=Assess|-3=Authorize|-2=Scheduled|-1=Implement|0=Review|3=Closed|4=Canceled
choices change_request.type standard=Standard|normal=Normal|emergency=Emergency
choices change_request.category hardware=Hardware|software=Software|service=Service|system_software=System Software|applications_software=Applications Software|network=Network|telecom=Telecom|documentation=Documentation|other=Other
choices change_request.risk 1=Very High|2=High|3=Moderate|4=Low
choices change_request.reason broken=Broken|enhancement=Enhancement|upgrade=Upgrade|maintenance=Maintenance
choices change_request.conflict_status Not Run=Not Run|Conflict=Conflict|No Conflict=No Conflict
choices change_request.close_code successful=Successful|successful_issues=Successful with issues|unsuccessful=Unsuccessful
choices change_request.phase requested=Requested|build=Build|implementation=Implementation|review=Review
choices change_request.scope 1=Very Large|2=Large|3=Medium|4=Small|5=Very Small
choices sys_user.calendar_integration 0=None|1=Outlook
choices sys_user.country US=United States|GB=United Kingdom|DE=Germany|FR=France|NL=Netherlands|IN=India|JP=Japan|AU=Australia|BR=Brazil|CA=Canada
choices sys_user.date_format yyyy-MM-dd=yyyy-MM-dd|dd/MM/yyyy=dd/MM/yyyy|MM-dd-yyyy=MM-dd-yyyy|dd.MM.yyyy=dd.MM.yyyy
choices sys_user.gender Male=Male|Female=Female|Not Specified=Not Specified
choices sys_user.identity_type human=Human|machine=Machine|ai_agent=AI Agent
choices sys_user.introduction Mr.=Mr.|Mrs.=Mrs.|Ms.=Ms.|Dr.=Dr.
choices sys_user.notification 1=Disable|2=Enable
choices sys_user.preferred_language en=English|de=German|fr=French|ja=Japanese|nl=Dutch
choices sys_user.time_format HH:mm:ss=HH:mm:ss|hh:mm:ss a=hh:mm:ss a
choices sys_user.time_zone America/Los_Angeles=America/Los_Angeles|America/Denver=America/Denver|America/Chicago=America/Chicago|America/New_York=America/New_York|Europe/London=Europe/London|Europe/Berlin=Europe/Berlin|Europe/Paris=Europe/Paris|Europe/Amsterdam=Europe/Amsterdam|Asia/Kolkata=Asia/Kolkata|Asia/Tokyo=Asia/Tokyo|Australia/Sydney=Australia/Sydney|America/Sao_Paulo=America/Sao_Paulo|UTC=UTC
choices cmn_location.time_zone America/Los_Angeles=America/Los_Angeles|America/Chicago=America/Chicago|America/New_York=America/New_York|Europe/London=Europe/London|Europe/Berlin=Europe/Berlin|Europe/Paris=Europe/Paris|Europe/Amsterdam=Europe/Amsterdam|Asia/Kolkata=Asia/Kolkata|Asia/Tokyo=Asia/Tokyo|Australia/Sydney=Australia/Sydney|America/Sao_Paulo=America/Sao_Paulo
choices cmdb_ci.environment development=Development|test=Test|production=Production
choices cmdb_ci.operational_status 1=Operational|2=Non-Operational|3=Repair in Progress|4=DR Standby|5=Ready|6=Retired
choices cmdb_ci.install_status 1=Installed|3=In Maintenance|6=In Stock|7=Retired|100=Absent
choices sys_attachment.state available=Available|pending=Pending|not_available=Not Available
choices sys_db_object.access public=All application scopes|package_private=This application scope only
choices sys_db_object.caller_access 0=None|1=Caller Tracking|2=Caller Restriction
choices sys_db_object.extension_model partition=Table per partition|hierarchy=Table per hierarchy|class=Table per class
choices sys_db_object.sys_policy read=Read-only|protected=Protected
choices sys_dictionary.choice 0=None|1=Dropdown with -- None --|2=Suggestion|3=Dropdown without -- None --
choices sys_dictionary.read_only_option 0=None|1=Read-only|2=Read-only if inserted
choices sys_dictionary.reference_cascade_rule none=None|clear=Clear|delete=Delete|delete_no_workflow=Delete no workflow|restrict=Restrict|cascade=Cascade
choices sys_dictionary.use_reference_qualifier simple=Simple|dynamic=Dynamic|advanced=Advanced
choices sys_dictionary.sys_policy read=Read-only|protected=Protected
choices sys_properties.type string=string|integer=integer|boolean=true_false|choicelist=choice list|color=color|date_format=date format|password2=password2|uploaded_image=image|time_format=time format|timezone=timezone

glidetype boolean "True/False"
glidetype conditions "Conditions"
glidetype currency "Currency"
glidetype decimal "Decimal"
glidetype document_id "Document ID"
glidetype domain_id "Domain ID"
glidetype domain_path "Domain Path"
glidetype due_date "Due Date"
glidetype email "Email"
glidetype field_name "Field Name"
glidetype float "Floating Point Number"
glidetype glide_date "Date"
glidetype glide_date_time "Date/Time"
glidetype glide_duration "Duration"
glidetype glide_list "List"
glidetype GUID "Sys ID (GUID)"
glidetype integer "Integer"
glidetype ip_address "IP Address (Validated IPV4, IPV6)"
glidetype journal "Journal"
glidetype journal_input "Journal Input"
glidetype journal_list "Journal List"
glidetype longint "Long"
glidetype password "Password (1 Way Encrypted)"
glidetype password2 "Password (2 Way Encrypted)"
glidetype ph_number "Phone Number"
glidetype reference "Reference"
glidetype script "Script"
glidetype string "String"
glidetype sys_class_name "System Class Name"
glidetype table_name "Table Name"
glidetype timer "Timer"
glidetype url "URL"
glidetype user_image "User Image"
glidetype user_input "User Input"
glidetype user_roles "User Roles"
glidetype variables "Variables"
glidetype collection "Collection"
)DEFS";

} // namespace snowemu
