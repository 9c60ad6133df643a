ASCII SPSS PORT FILE                    ASCII SPSS PORT FILE                    
ASCII SPSS PORT FILE                    ASCII SPSS PORT FILE                    
ASCII SPSS PORT FILE                    0000000000000000000000000000000000000000
0000000000000000000000000123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrst
uvwxyz .<(+|&[]!$*);^-/|,%_>?`:$@'="000000~-0000123456789000-()0{}\0000000000000
00000000000000000000000000000000000000000000000000000000SPSSPORTA8/202612036/102
0571E/GNU pspp 1.6.23J/x86_64-pc-linux-gnu62/WT4A/5B/70/2/ID5/4/0/5/4/0/70/3/NUM
5/H/8/5/H/8/CQ/Numbers that must be exact70/3/NEG5/9/3/5/9/3/70/4/CODE5/2/0/5/2/
0/88/89/8-1/CE/A coded answer70/2/LO5/3/0/5/3/0/9-1/70/2/HI5/3/0/5/3/0/AA9E17IR6
IG+6J/70/3/RNG5/3/0/5/3/0/B30/39/80/70/2/WT5/5/1/5/5/1/7K/1/S1/K/0/1/K/0/88/n/a 
    C12/A string, with punctuation: ;/()78F/3/LNG1/8F/0/1/8F/0/D1/4/CODE7/-1/9/N
ot asked1/E/Strongly agree2/5/Agree3/7/Neither5/8/Disagree8/A/Don't know9/9/No a
nswerD1/1/S2/K/n/a                 E/not applicableK/zz                  8/sleep
ingE2/1K/DOCUMENT A document line for the portable fixture.O/   (Entered 03 Dec 
2026)F1/5O00/-.3MF/1/-1/1/1/1/K/Hello, World!       8F/a long string value      
                                                                                
                                                                                
                                                                      2/DB8KFLF9
-B/-1.F/2/-2/30/30/2.F/K/lower case; (punct) 8F/x                               
                                                                                
                                                                                
                                                               3/-1/-R-3/8/0/31/
35/.F/K/n/a                 8F/y                                                
                                                                                
                                                                                
                                              4/6850QA888H+4/-4H56.NK3/9/5/5/0/1
/K/Don't / (quote)     8F/z                                                     
                                                                                
                                                                                
                                         5/LFD7NO93SB-73/-5E0MF-B/*.*.*.*.1/K/  
                  8F/                                                           
                                                                                
                                                                                
                                    6/A9E17IR6IG+6J/0/3/1/1/39/1/K/A=B+C*D      
       8F/trailing                                                              
                                                                                
                                                                                
                         7/3.47D01EE08/F77CI.F/-1/2/2/2/1/K/tab	in              
8F/q                                                                            
                                                                                
                                                                                
                  8/0/.3/5/3/3/3/1/K/zz                  8F/last                
                                                                                
                                                                                
                                                                           ZZZZZ
